/**
 * Structured data built deterministically from the brief and the final metadata: schema.org JSON-LD
 * (typed with schema-dts), Open Graph and Twitter card fields.
 */
import type { BlogPosting, BreadcrumbList, FAQPage, Graph, ItemAvailability, Organization, Product, Thing } from 'schema-dts';
import type { Brief, ProductFrontMatter } from '../briefs/schema.ts';
import type { Config } from '../config/schema.ts';
import { pagePath } from '../page-url.ts';
import type { FaqEntry, ImageAlt } from './metadata-answer.ts';

export type PageMetadata = {
  /** The page's H1 title. */
  readonly title: string;
  readonly seoTitle: string;
  readonly description: string;
  readonly slug: string;
  readonly tags: readonly string[];
  readonly keyphrase: string;
  /** Images with alt text: the brief's product images first, then the body's. */
  readonly images: readonly ImageAlt[];
  readonly faq: readonly FaqEntry[];
};

export type OpenGraph = {
  readonly type: 'article' | 'product';
  readonly title: string;
  readonly description: string;
  readonly site_name: string;
  readonly locale: string;
  readonly url?: string;
  readonly image?: string;
  readonly image_alt?: string;
  readonly 'product:price:amount'?: string;
  readonly 'product:price:currency'?: string;
};

export type TwitterCard = {
  readonly card: 'summary' | 'summary_large_image';
  readonly title: string;
  readonly description: string;
  readonly site?: string;
  readonly image?: string;
  readonly image_alt?: string;
};

export type StructuredData = { readonly jsonld: Graph; readonly og: OpenGraph; readonly twitter: TwitterCard };

const AVAILABILITY: Record<NonNullable<ProductFrontMatter['availability']>, ItemAvailability> = {
  in_stock: 'https://schema.org/InStock',
  out_of_stock: 'https://schema.org/OutOfStock',
  preorder: 'https://schema.org/PreOrder',
  discontinued: 'https://schema.org/Discontinued',
};

/** Resolves a path against the site URL; leaves it as is when there is no site URL or it is absolute. */
export function resolveUrl(pathOrUrl: string, siteUrl: string | undefined): string {
  if (!siteUrl || /^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl)) return pathOrUrl;
  return new URL(pathOrUrl.replace(/^\.?\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** The page's own URL: `brand.url` + the article or product path + slug. */
export function pageUrl(brief: Brief, slug: string, config: Config): string {
  return resolveUrl(pagePath({ kind: brief.kind, slug }, config).replace(/\/$/, ''), config.brand.url);
}

/** The ISO date (YYYY-MM-DD) of a moment, in UTC. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Builds JSON-LD (`BlogPosting` or `Product`, `BreadcrumbList`, `FAQPage`), Open Graph and Twitter fields. */
export function buildStructuredData(brief: Brief, meta: PageMetadata, config: Config, now: Date): StructuredData {
  const site = config.brand.url;
  const url = pageUrl(brief, meta.slug, config);
  const imageUrls = meta.images.map((i) => resolveUrl(i.src, site));
  const fallbackImage = config.seo.default_image ? resolveUrl(config.seo.default_image, site) : undefined;
  const mainImage = imageUrls[0] ?? fallbackImage;
  const mainAlt = meta.images[0]?.alt;

  const graph: Thing[] = [brief.kind === 'product' ? buildProduct(brief.data, meta, url, imageUrls, config) : buildPosting(brief, meta, url, mainImage, config, now)];
  graph.push(buildBreadcrumbs(brief, meta.title, url, config));
  if (meta.faq.length > 0) graph.push(buildFaqPage(meta.faq, url));

  const og: OpenGraph = {
    type: brief.kind === 'product' ? 'product' : 'article',
    title: meta.seoTitle,
    description: meta.description,
    site_name: config.brand.name,
    locale: (brief.data.locale ?? config.locale).replace('-', '_'),
    url,
    ...(mainImage ? { image: mainImage } : {}),
    ...(mainImage && mainAlt ? { image_alt: mainAlt } : {}),
    ...(brief.kind === 'product'
      ? { 'product:price:amount': brief.data.price.toFixed(2), 'product:price:currency': brief.data.currency }
      : {}),
  };
  const twitter: TwitterCard = {
    card: mainImage ? 'summary_large_image' : 'summary',
    title: meta.seoTitle,
    description: meta.description,
    ...(config.seo.twitter_site ? { site: config.seo.twitter_site } : {}),
    ...(mainImage ? { image: mainImage } : {}),
    ...(mainImage && mainAlt ? { image_alt: mainAlt } : {}),
  };
  return { jsonld: { '@context': 'https://schema.org', '@graph': graph }, og, twitter };
}

function buildPublisher(config: Config): Organization {
  const logo = config.brand.logo ? resolveUrl(config.brand.logo, config.brand.url) : undefined;
  return {
    '@type': 'Organization',
    name: config.brand.name,
    ...(config.brand.url ? { url: config.brand.url } : {}),
    ...(logo ? { logo: { '@type': 'ImageObject', url: logo } } : {}),
  };
}

function buildPosting(brief: Brief, meta: PageMetadata, url: string, image: string | undefined, config: Config, now: Date): BlogPosting {
  const author = (brief.kind === 'article' ? brief.data.author : undefined) ?? config.brand.author;
  const published = (brief.kind === 'article' ? brief.data.date : undefined) ?? isoDate(now);
  return {
    '@type': 'BlogPosting',
    '@id': `${url}#article`,
    headline: meta.title,
    description: meta.description,
    datePublished: published,
    dateModified: isoDate(now),
    inLanguage: brief.data.locale ?? config.locale,
    mainEntityOfPage: url,
    url,
    author: author ? { '@type': 'Person', name: author } : { '@type': 'Organization', name: config.brand.name },
    publisher: buildPublisher(config),
    ...(image ? { image } : {}),
    keywords: [meta.keyphrase, ...meta.tags.filter((t) => t !== meta.keyphrase.toLowerCase())].join(', '),
  };
}

function buildProduct(data: ProductFrontMatter, meta: PageMetadata, url: string, images: readonly string[], config: Config): Product {
  return {
    '@type': 'Product',
    '@id': `${url}#product`,
    name: data.title,
    description: meta.description,
    sku: data.sku,
    url,
    brand: { '@type': 'Brand', name: data.vendor ?? config.brand.name },
    ...(data.product_type ? { category: data.product_type } : {}),
    ...(images.length > 0 ? { image: [...images] } : {}),
    offers: {
      '@type': 'Offer',
      price: data.price,
      priceCurrency: data.currency,
      url,
      ...(data.availability ? { availability: AVAILABILITY[data.availability] } : {}),
    },
  };
}

function buildBreadcrumbs(brief: Brief, title: string, url: string, config: Config): BreadcrumbList {
  const trail = brief.kind === 'product' ? config.seo.breadcrumbs.product : config.seo.breadcrumbs.article;
  const crumbs = [...trail.map((c) => ({ name: c.name, item: resolveUrl(c.url, config.brand.url) })), { name: title, item: url }];
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.item })),
  };
}

function buildFaqPage(faq: readonly FaqEntry[], url: string): FAQPage {
  return {
    '@type': 'FAQPage',
    '@id': `${url}#faq`,
    mainEntity: faq.map((f) => ({ '@type': 'Question', name: f.question, acceptedAnswer: { '@type': 'Answer', text: f.answer } })),
  };
}
