import type { BlogPosting, BreadcrumbList, FAQPage, Graph, Offer, Product, WithContext } from 'schema-dts';
import { describe, expect, it } from 'vitest';
import { articleDoc, productDoc, TEST_CONFIG } from './__fixtures__/stage/make-doc.ts';
import { buildStructuredData, type PageMetadata, pageUrl } from './structured-data.ts';

const now = new Date('2026-11-24T06:00:00Z');

function metaFor(overrides: Partial<PageMetadata> = {}): PageMetadata {
  return {
    title: 'Seaside Linen Shirt',
    seoTitle: 'Linen shirt: the Seaside Linen Shirt',
    description: 'The Seaside Linen Shirt is our everyday linen shirt for warm weather: light, breathable and easy to wear from the dock to dinner.',
    slug: 'seaside-linen-shirt',
    tags: ['linen', 'summer'],
    keyphrase: 'linen shirt',
    images: [{ src: 'images/ls-001-front.jpg', alt: 'Seaside Linen Shirt, front' }],
    faq: [],
    ...overrides,
  };
}

describe('buildStructuredData', () => {
  it('builds a Product whose offer carries exactly the brief price and currency', () => {
    const doc = productDoc('');
    const { jsonld, og, twitter } = buildStructuredData(doc.job.brief, metaFor(), TEST_CONFIG, now);
    const graph: Graph = jsonld;
    const product = graph['@graph'][0] as Exclude<Product, string>;
    const offer = product.offers as Exclude<Offer, string>;
    const expected: Product = {
      '@type': 'Product',
      '@id': 'https://harborandpine.example/products/seaside-linen-shirt#product',
      name: 'Seaside Linen Shirt',
      description: metaFor().description,
      sku: 'LS-001',
      url: 'https://harborandpine.example/products/seaside-linen-shirt',
      brand: { '@type': 'Brand', name: 'Harbor & Pine' },
      category: 'Shirts',
      image: ['https://harborandpine.example/images/ls-001-front.jpg'],
      offers: {
        '@type': 'Offer',
        price: 89,
        priceCurrency: 'USD',
        url: 'https://harborandpine.example/products/seaside-linen-shirt',
        availability: 'https://schema.org/InStock',
      },
    };
    expect(product).toEqual(expected);
    expect(offer.price).toBe(doc.job.brief.kind === 'product' ? doc.job.brief.data.price : NaN);
    expect(og).toMatchObject({ type: 'product', 'product:price:amount': '89.00', 'product:price:currency': 'USD', image_alt: 'Seaside Linen Shirt, front' });
    expect(twitter).toMatchObject({ card: 'summary_large_image', site: '@harborandpine' });
  });

  it('keeps odd prices exact and leaves availability out when the brief has none', () => {
    const doc = productDoc('', { price: 168.5, currency: 'EUR', availability: undefined as never });
    const product = buildStructuredData(doc.job.brief, metaFor(), TEST_CONFIG, now).jsonld['@graph'][0] as Exclude<Product, string>;
    expect(product.offers).toEqual({ '@type': 'Offer', price: 168.5, priceCurrency: 'EUR', url: 'https://harborandpine.example/products/seaside-linen-shirt' });
  });

  it('builds a BlogPosting with dates, author, publisher logo, breadcrumbs and a FAQPage', () => {
    const doc = articleDoc({ date: '2026-11-20', author: 'Maya Lind' });
    const faq = [{ question: 'Does linen shrink?', answer: 'Garment-washed linen has already done most of its shrinking.' }];
    const { jsonld } = buildStructuredData(doc.job.brief, metaFor({ title: doc.title, slug: 'linen-shirt-guide', images: [], faq }), TEST_CONFIG, now);
    const [posting, crumbs, faqPage] = jsonld['@graph'] as [Exclude<BlogPosting, string>, Exclude<BreadcrumbList, string>, Exclude<FAQPage, string>];
    expect(posting).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'How to choose a linen shirt for summer',
      datePublished: '2026-11-20',
      dateModified: '2026-11-24',
      author: { '@type': 'Person', name: 'Maya Lind' },
      publisher: { '@type': 'Organization', name: 'Harbor & Pine', logo: { '@type': 'ImageObject', url: 'https://harborandpine.example/logo.png' } },
      mainEntityOfPage: 'https://harborandpine.example/blog/linen-shirt-guide',
    });
    expect(posting.image).toBeUndefined();
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://harborandpine.example/' },
      { '@type': 'ListItem', position: 2, name: 'Journal', item: 'https://harborandpine.example/blog/' },
      { '@type': 'ListItem', position: 3, name: 'How to choose a linen shirt for summer', item: 'https://harborandpine.example/blog/linen-shirt-guide' },
    ]);
    const expectedFaq: WithContext<FAQPage> | FAQPage = {
      '@type': 'FAQPage',
      '@id': 'https://harborandpine.example/blog/linen-shirt-guide#faq',
      mainEntity: [{ '@type': 'Question', name: 'Does linen shrink?', acceptedAnswer: { '@type': 'Answer', text: faq[0]?.answer ?? '' } }],
    };
    expect(faqPage).toEqual(expectedFaq);
  });

  it('uses relative URLs when the brand has no site URL', () => {
    const config = { ...TEST_CONFIG, brand: { name: 'Harbor & Pine' } };
    expect(pageUrl(articleDoc().job.brief, 'linen-shirt-guide', config)).toBe('/blog/linen-shirt-guide');
  });
});
