/** Harbor & Pine briefs, built as the brief reader would hand them over. */
import type { ArticleBrief, ArticleFrontMatter, ProductBrief, ProductFrontMatter } from '../../briefs/schema.ts';

/** Front matter of the product brief takes lines 1–11; its body starts on line 12. */
export const SHIRT_BODY = [
  '## Materials',
  '100% European flax linen, 160 GSM, garment-washed so it is soft from the first wear.',
  '',
  '## Fit',
  'Relaxed through the chest, with a 2 cm longer back hem. Sizes XS to XXL.',
  '',
  '## Care',
  'Machine wash cold at 30 °C, line dry. Expect about 3% shrinkage after the first wash.',
  '',
  '## Story',
  'Cut and sewn in small runs in Portland, Maine since 2019. Free shipping on orders over $150.',
  '',
].join('\n');

/** Builds the Seaside Linen Shirt product brief; `body` and `data` override the defaults. */
export function makeShirtBrief(overrides: { body?: string; data?: Partial<ProductFrontMatter> } = {}): ProductBrief {
  return {
    id: 'products/seaside-linen-shirt',
    file: 'briefs/products/seaside-linen-shirt.md',
    slug: 'seaside-linen-shirt',
    body: overrides.body ?? SHIRT_BODY,
    bodyLine: 12,
    hash: 'test',
    kind: 'product',
    data: {
      type: 'product',
      title: 'Seaside Linen Shirt',
      sku: 'LS-001',
      price: 89,
      currency: 'USD',
      vendor: 'Harbor & Pine',
      product_type: 'Shirts',
      tags: ['linen', 'summer'],
      keyword: 'linen shirt',
      ...overrides.data,
    },
  };
}

/** Front matter of the article brief takes lines 1–12; its body starts on line 13. */
export const GUIDE_BODY = [
  '## Why linen',
  'Linen shirts wear about 30% cooler than cotton of the same weight in our wear tests.',
  'Our Seaside Linen Shirt is 160 GSM; heavier shirting linens run 200 to 250 GSM.',
  '',
  '## Fit',
  'Ignore the hype; focus on fit. Shoulders first, then length.',
  '',
  '## Care',
  'Wash cold. Linen softens over the first twelve washes.',
  '',
].join('\n');

/** Builds the "How to choose a linen shirt for summer" article brief. */
export function makeGuideBrief(overrides: { body?: string; data?: Partial<ArticleFrontMatter> } = {}): ArticleBrief {
  return {
    id: 'harbor-pine/linen-shirt-guide',
    file: 'briefs/harbor-pine/linen-shirt-guide.md',
    slug: 'linen-shirt-guide',
    body: overrides.body ?? GUIDE_BODY,
    bodyLine: 13,
    hash: 'test',
    kind: 'article',
    data: {
      type: 'article',
      title: 'How to choose a linen shirt for summer',
      keyword: 'linen shirt',
      keywords: ['breathable shirt', 'summer shirt'],
      audience: 'men 25-45 who dress for hot cities',
      words: 1200,
      locale: 'en-US',
      links: ['/collections/linen'],
      cta: 'Shop the linen collection',
      date: '2026-11-24',
      ...overrides.data,
    },
  };
}
