/** Facts a rewrite must keep: numbers in the paragraph, and names the brief states. */
import type { Brief } from '../briefs/schema.ts';

const NUMBER = /\d+(?:[.,]\d+)*/g;
const PROPER_NAME = /\b\p{Lu}[\p{L}'’-]*(?:,?\s(?:&\s)?\p{Lu}[\p{L}'’-]*)+/gu;

/** Names and identifiers from a brief: product, SKU, vendor, keyphrases, and multi-word proper names in its notes. */
export function collectNamedFacts(brief: Brief): string[] {
  const data = brief.data as Record<string, unknown>;
  const names = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v.trim().length > 1) names.add(v.trim());
  };
  for (const key of ['sku', 'vendor', 'keyword', 'product_type']) add(data[key]);
  if (brief.kind === 'product') add(data['title']);
  if (Array.isArray(data['keywords'])) data['keywords'].forEach(add);
  for (const m of brief.body.matchAll(PROPER_NAME)) add(m[0]);
  return [...names];
}

function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, ''));
}

/**
 * Why a rewrite may not replace a paragraph, or undefined when it keeps every fact: each number of
 * the original must still be there and no new number may appear; each name present must survive.
 */
export function findLostFact(original: string, rewrite: string, names: readonly string[]): string | undefined {
  const before = numbersIn(original);
  const after = numbersIn(rewrite);
  for (const n of before) if (!after.includes(n)) return `drops the number ${n}`;
  for (const n of after) if (!before.includes(n)) return `adds or changes a number (${n})`;
  const lowerOriginal = original.toLowerCase();
  const lowerRewrite = rewrite.toLowerCase();
  for (const name of names) {
    const key = name.toLowerCase();
    if (lowerOriginal.includes(key) && !lowerRewrite.includes(key)) return `drops “${name}”`;
  }
  return undefined;
}
