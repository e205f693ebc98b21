/** Test documents and stage contexts for the SEO stage (Harbor & Pine samples). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleFrontMatter, Brief, ProductFrontMatter } from '../../../briefs/schema.ts';
import { type Config, configSchema } from '../../../config/schema.ts';
import type { DraftDoc, ModelCall, StageContext } from '../../../document.ts';
import { createPromptSet } from '../../../prompts/load-prompts.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

export const TEST_CONFIG: Config = configSchema.parse({
  brand: { name: 'Harbor & Pine', url: 'https://harborandpine.example', logo: '/logo.png', author: 'The Harbor & Pine workshop' },
  seo: { twitter_site: '@harborandpine' },
});

/** Reads a fixture body from this folder. */
export function readFixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, name), 'utf8');
}

function docFor(brief: Brief, markdown: string, title: string): DraftDoc {
  return {
    job: { id: brief.id, brief, target: 'static', hash: 'test' },
    title,
    markdown,
    description: '',
    tags: [...(brief.data.tags ?? [])],
    model: 'offline',
    flags: [],
    stages: {},
    fields: {},
  };
}

/** An article document with the linen shirt guide as its body. */
export function articleDoc(data: Partial<ArticleFrontMatter> = {}, markdown = readFixture('linen-shirt-guide.md')): DraftDoc {
  const front: ArticleFrontMatter = {
    type: 'article',
    title: 'How to choose a linen shirt for summer',
    keyword: 'linen shirt',
    keywords: ['breathable shirt', 'summer shirt'],
    words: 450,
    tags: ['linen', 'summer', 'guides'],
    faq: false,
    ...data,
  };
  const brief: Brief = { id: 'harbor-pine/linen-shirt-guide', file: 'briefs/harbor-pine/linen-shirt-guide.md', slug: 'linen-shirt-guide', body: '', bodyLine: 14, hash: 'h', kind: 'article', data: front };
  return docFor(brief, markdown, front.title);
}

/** A product document for the Seaside Linen Shirt. */
export function productDoc(markdown: string, data: Partial<ProductFrontMatter> = {}): DraftDoc {
  const front: ProductFrontMatter = {
    type: 'product',
    title: 'Seaside Linen Shirt',
    sku: 'LS-001',
    price: 89,
    currency: 'USD',
    vendor: 'Harbor & Pine',
    product_type: 'Shirts',
    tags: ['linen', 'summer', 'shirts'],
    keyword: 'linen shirt',
    images: ['images/ls-001-front.jpg'],
    availability: 'in_stock',
    ...data,
  };
  const brief: Brief = { id: 'products/seaside-linen-shirt', file: 'briefs/products/seaside-linen-shirt.md', slug: 'seaside-linen-shirt', body: '', bodyLine: 16, hash: 'h', kind: 'product', data: front };
  return docFor(brief, markdown, front.title);
}

/** A stage context whose model calls go to `call`. */
export function stageContext(call: ModelCall, config: Config = TEST_CONFIG): StageContext {
  return {
    call,
    prompts: createPromptSet(path.join(ROOT, 'prompts'), config.models, ROOT),
    config,
    now: () => new Date('2026-11-24T06:00:00Z'),
    logger: { info: () => undefined, warn: () => undefined, debug: () => undefined },
    signal: new AbortController().signal,
  };
}
