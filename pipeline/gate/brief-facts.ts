/** What a brief states (front matter and body), and whether a number in a draft is among it. */
import type { Brief } from '../briefs/schema.ts';
import { dateSupported, type DateParts } from './find-dates.ts';
import { extractNumbers, type NumberMention } from './extract-numbers.ts';
import { currenciesCompatible, normaliseCurrency } from './units.ts';

/** The numbers a brief states, by kind. */
export type BriefFacts = {
  /** Every value the brief states, of any kind (plain numbers in a draft match any of these). */
  readonly values: ReadonlySet<string>;
  /** Values stated with no unit, currency or percent. */
  readonly plain: ReadonlySet<string>;
  readonly percents: ReadonlySet<string>;
  readonly amounts: readonly { readonly value: string; readonly currency?: string }[];
  readonly measures: readonly { readonly value: string; readonly unit: string }[];
  readonly dates: readonly DateParts[];
  /** The brief's text, lower-cased, for identifiers and times. */
  readonly text: string;
  /** The product's price, for product briefs. */
  readonly price?: { readonly value: number; readonly currency: string };
};

/** A value as a set key: 89, 89.0 and 89.00 are one fact. */
function keyOf(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** Front-matter strings and numbers as text lines; keys that are not facts about the product are skipped. */
function collectFrontMatter(value: unknown, into: { strings: string[]; numbers: number[] }): void {
  if (typeof value === 'string') into.strings.push(value);
  else if (typeof value === 'number') into.numbers.push(value);
  else if (Array.isArray(value)) for (const v of value) collectFrontMatter(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectFrontMatter(v, into);
}

/** Collects every number the brief states, normalised, from its front matter and its body. */
export function collectBriefFacts(brief: Brief): BriefFacts {
  const { images: _images, links: _links, ...data } = brief.data as Brief['data'] & { images?: unknown };
  const front = { strings: [] as string[], numbers: [] as number[] };
  collectFrontMatter(data, front);
  const mentions = [...front.strings, brief.body].flatMap((text) => extractNumbers(text, { countWordsUpTo: 0 }));
  const values = new Set<string>();
  const plain = new Set<string>();
  const percents = new Set<string>();
  const amounts: { value: string; currency?: string }[] = [];
  const measures: { value: string; unit: string }[] = [];
  const dates: DateParts[] = [];
  for (const n of front.numbers) {
    values.add(keyOf(n));
    plain.add(keyOf(n));
  }
  for (const m of mentions) {
    if (m.kind === 'date') {
      dates.push(...m.readings);
      // A year or a day of a date may stand alone in a draft ("since 2019", "on the 24th").
      for (const r of m.readings) for (const part of [r.year, r.day]) if (part !== undefined) values.add(keyOf(part));
      continue;
    }
    if (m.kind === 'literal') continue;
    for (const v of m.values) {
      const key = keyOf(v);
      values.add(key);
      if (m.kind === 'number') plain.add(key);
      else if (m.kind === 'percent') percents.add(key);
      else if (m.kind === 'currency') amounts.push({ value: key, ...(m.currency !== undefined && { currency: m.currency }) });
      else measures.push({ value: key, unit: m.unit });
    }
  }
  let price: BriefFacts['price'];
  if (brief.kind === 'product') {
    price = { value: brief.data.price, currency: normaliseCurrency(brief.data.currency) };
    amounts.push({ value: keyOf(price.value), currency: price.currency });
  }
  const text = [...front.strings, brief.body].join('\n').toLowerCase();
  return { values, plain, percents, amounts, measures, dates, text, ...(price && { price }) };
}

/** The first value of `mention` the brief does not state, or `undefined` when every one is stated. */
export function findUnsupportedValue(mention: NumberMention, facts: BriefFacts): string | undefined {
  switch (mention.kind) {
    case 'date':
      return mention.readings.some((r) => facts.dates.some((f) => dateSupported(r, f))) ? undefined : mention.text;
    case 'literal':
      return facts.text.includes(mention.text.toLowerCase()) ? undefined : mention.text;
    case 'number':
      return mention.values.map(keyOf).find((k) => !facts.values.has(k));
    case 'percent':
      return mention.values.map(keyOf).find((k) => !facts.percents.has(k));
    case 'currency':
      return mention.values
        .map(keyOf)
        .find((k) => !facts.amounts.some((a) => a.value === k && currenciesCompatible(a.currency, mention.currency)));
    case 'measure':
      return mention.values
        .map(keyOf)
        .find((k) => !facts.plain.has(k) && !facts.measures.some((f) => f.value === k && f.unit === mention.unit));
  }
}
