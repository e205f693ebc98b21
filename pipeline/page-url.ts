/** Where a draft lives on the site: one definition for structured data, canonical URLs and self-links. */
import type { Brief } from './briefs/schema.ts';
import type { Config } from './config/schema.ts';

/** The draft's path on the site: `seo.article_path` or `seo.product_path`, then the slug, e.g. `/blog/linen-shirt-guide/`. */
export function pagePath(brief: Pick<Brief, 'kind' | 'slug'>, config: Pick<Config, 'seo'>): string {
  const prefix = brief.kind === 'product' ? config.seo.product_path : config.seo.article_path;
  return `${prefix.endsWith('/') ? prefix : `${prefix}/`}${brief.slug}/`;
}
