/** A product draft and a stage context for the voice-stage tests. */
import path from 'node:path';
import type { ProductBrief } from '../../briefs/schema.ts';
import { configSchema, type Config } from '../../config/schema.ts';
import type { DraftDoc, ModelCall, StageContext } from '../../document.ts';
import { createPromptSet } from '../../prompts/load-prompts.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export const BRIEF: ProductBrief = {
  id: 'products/seaside-linen-shirt',
  file: 'briefs/products/seaside-linen-shirt.md',
  slug: 'seaside-linen-shirt',
  body: '100% European flax linen, 160 GSM, garment-washed. Made in Portland, Maine. Price $89.00.\n',
  bodyLine: 12,
  hash: 'test',
  kind: 'product',
  data: { type: 'product', title: 'Seaside Linen Shirt', sku: 'LS-001', price: 89, currency: 'USD', vendor: 'Harbor & Pine', keyword: 'linen shirt' },
};

/** Paragraph 2 holds two error-level hype alerts the model must fix; paragraph 3 only a fixable one. */
export const DRAFT = [
  '## Why linen',
  '',
  'We cut the Seaside Linen Shirt from 100% European flax linen at 160 grams per square metre (GSM).',
  '',
  'Our revolutionary shirt is guaranteed to keep you cool. It costs $89.00 and ships from Portland, Maine.',
  '',
  'Harbor and Pine washes every shirt before it ships.',
  '',
].join('\n');

export function makeDoc(markdown = DRAFT): DraftDoc {
  return {
    job: { id: BRIEF.id, brief: BRIEF, target: 'static', hash: 'h' },
    title: 'Seaside Linen Shirt',
    markdown,
    description: 'A linen shirt.',
    tags: ['linen'],
    model: 'test',
    flags: [{ rule: 'voice/old', message: 'stale', severity: 'warning' }],
    stages: {},
    fields: {},
  };
}

export function makeContext(call: ModelCall, voice: Record<string, unknown> = {}): StageContext {
  const config: Config = configSchema.parse({ brand: { name: 'Harbor & Pine' }, voice });
  return {
    call,
    prompts: createPromptSet(path.join(ROOT, 'prompts'), config.models, ROOT),
    config,
    now: () => new Date('2026-11-24T00:00:00Z'),
    logger: { info: () => {}, warn: () => {}, debug: () => {} },
    signal: new AbortController().signal,
  };
}
