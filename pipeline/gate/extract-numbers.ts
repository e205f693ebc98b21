/**
 * Finds the numbers a piece of prose states: prices, percentages, measurements, dates, plain and
 * spelled-out numbers, ranges, fractions, ordinals, and number-bearing identifiers (SKUs, times).
 *
 * Counting words are not facts: a number written as a word from one to `countWordsUpTo`
 * (default 10), cardinal or ordinal ("three reasons", "the first wash", "one of the"), is left out
 * unless it carries a unit, a currency or a percent ("three ounces", "ten percent"). "One" and
 * "first" are left out even with a unit ("one day", "first year"), as idioms. Vague quantities
 * ("a couple", "a few", "a dozen", "hundreds of", "half") are not numbers. Digits are always facts.
 */
import { findDates, type DateParts } from './find-dates.ts';
import { NUMBER_WORD_SOURCE, parseNumberWords, type NumberWord } from './number-words.ts';
import {
  CURRENCY_PREFIX_SOURCE,
  CURRENCY_SUFFIX_SOURCE,
  PERCENT_SOURCE,
  UNIT_SOURCE,
  normaliseCurrency,
  normaliseUnit,
} from './units.ts';

type Span = { readonly text: string; readonly start: number; readonly end: number };

/** A number stated in text; `values` holds both ends of a range. */
export type NumberMention = Span &
  (
    | { readonly kind: 'number'; readonly values: readonly number[] }
    | { readonly kind: 'percent'; readonly values: readonly number[] }
    | { readonly kind: 'currency'; readonly values: readonly number[]; readonly currency?: string }
    | { readonly kind: 'measure'; readonly values: readonly number[]; readonly unit: string }
    | { readonly kind: 'date'; readonly readings: readonly DateParts[] }
    /** Identifiers and clock times, matched as written: `LS-001`, `10:30`, `4K`. */
    | { readonly kind: 'literal' }
  );

export type ExtractOptions = {
  /** Number words up to this value count things and are not checked (default: `10`). */
  readonly countWordsUpTo?: number;
};

/** 1,200 · 17.5 · .5 · and the decimal comma of "89,00 €" (one or two digits after the comma). */
const NUM = String.raw`(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\.\d+)`;
const VULGAR: Readonly<Record<string, number>> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125 };
const END = String.raw`(?![\p{L}\p{N}])`;
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SUFFIX = String.raw`(?:(?<pct>\s?${PERCENT_SOURCE})|(?<ord>st|nd|rd|th)${END}|(?<k>k)${END}|[\s-]?(?<unit>${UNIT_SOURCE})${END}|\s?(?<cur3>${CURRENCY_SUFFIX_SOURCE})${END})`;

const NUMERIC = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/])(?<cur>${CURRENCY_PREFIX_SOURCE})?(?<a>${NUM})(?<frac>\s\d+/\d+|/\d+|[${Object.keys(VULGAR).join('')}])?` +
    String.raw`(?:\s?(?:[-–—]|to)\s?(?:${CURRENCY_PREFIX_SOURCE})?(?<b>${NUM}))?(?:\s(?<scale>thousand|million|billion)${END})?${SUFFIX}?(?![\p{L}\p{N}]|[.,]\d)`,
  'giu',
);
/** URLs, e-mail addresses, domain names and site paths: their digits are not claims. */
const ADDRESSES =
  /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+(?:com|net|org|io|co|shop|store|us|uk|ca|de|eu)(?![\p{L}\p{N}])(?:\/\S*)?|(?<![\p{L}\p{N})])\/[\p{L}\p{N}][\p{L}\p{N}\-./_]*/giu;
const LITERALS = [
  /(?<![\p{L}\p{N}])\p{L}+[-‐]?\d[\p{L}\p{N}-]*/gu,
  /(?<![\p{L}\p{N}])\d{1,2}:\d{2}(?![\p{N}])/gu,
  /(?<![\p{L}\p{N}.])\d+(?:[-.]\d+){2,}(?![\p{N}])/gu,
];
const DIGIT_WORDS = /(?<![\p{L}\p{N}])\d+\p{L}[\p{L}\p{N}]*/gu;
const WORD = String.raw`(?:${NUMBER_WORD_SOURCE})(?![\p{L}])`;
const WORD_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}-])${WORD}(?:(?:[\s-]+|\s+and\s+)${WORD})*`, 'giu');
const WORD_SUFFIX = new RegExp(`^${SUFFIX}`, 'iu');

/** Blanks spans so later passes do not read them again; offsets are kept. */
function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

function readNumber(raw: string, frac: string | undefined): number {
  let value = Number(/^\d+,\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/,/g, ''));
  if (frac === undefined) return value;
  const vulgar = VULGAR[frac];
  if (vulgar !== undefined) return value + vulgar;
  const [num, den] = frac.trim().split('/').map(Number);
  if (num === undefined || den === undefined || den === 0) return value;
  if (frac.startsWith('/')) return value / den;
  value += num / den;
  return value;
}

type Suffix = { pct?: string; ord?: string; k?: string; unit?: string; cur3?: string };

function classify(span: Span, values: number[], currency: string | undefined, suffix: Suffix): NumberMention {
  if (suffix.pct !== undefined) return { ...span, kind: 'percent', values };
  const cur = currency ?? suffix.cur3;
  if (cur !== undefined) return { ...span, kind: 'currency', values, currency: normaliseCurrency(cur) };
  if (suffix.unit !== undefined) return { ...span, kind: 'measure', values, unit: normaliseUnit(suffix.unit) };
  if (suffix.k !== undefined) return { ...span, kind: 'number', values: values.map((v) => v * 1000) };
  return { ...span, kind: 'number', values };
}

function takeAll(text: string, re: RegExp, onMatch: (m: RegExpExecArray) => void): string {
  const spans: { start: number; end: number }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    onMatch(m);
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return blank(text, spans);
}

function extractSpelled(original: string, text: string, countWordsUpTo: number): NumberMention[] {
  const out: NumberMention[] = [];
  WORD_RUN.lastIndex = 0;
  for (let run = WORD_RUN.exec(text); run !== null; run = WORD_RUN.exec(text)) {
    const words: NumberWord[] = [];
    for (const w of run[0].matchAll(/\p{L}+/gu)) {
      if (w[0].toLowerCase() !== 'and') words.push({ word: w[0], start: run.index + w.index, end: run.index + w.index + w[0].length });
    }
    const numbers = parseNumberWords(words);
    numbers.forEach((n, i) => {
      const isLast = i === numbers.length - 1;
      const suffixMatch = isLast ? WORD_SUFFIX.exec(text.slice(n.end)) : null;
      const suffix: Suffix = suffixMatch?.groups ?? {};
      const end = n.end + (suffixMatch?.[0].length ?? 0);
      const marked = suffix.pct !== undefined || suffix.cur3 !== undefined;
      if (n.value <= 1 && !marked) return;
      if (n.value <= countWordsUpTo && !marked && suffix.unit === undefined) return;
      const span = { text: original.slice(n.start, end), start: n.start, end };
      out.push(classify(span, [n.value], undefined, suffix));
    });
  }
  return out;
}

/** Finds every number `text` states, in order; offsets are into `text`, end exclusive. */
export function extractNumbers(text: string, options: ExtractOptions = {}): NumberMention[] {
  const out: NumberMention[] = [];
  let rest = takeAll(text, ADDRESSES, () => undefined);
  const dates = findDates(rest);
  for (const date of dates) {
    out.push({ text: text.slice(date.start, date.end), start: date.start, end: date.end, kind: 'date', readings: date.readings });
  }
  rest = blank(rest, dates);
  const literal = (m: RegExpExecArray): void => {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'literal' });
  };
  for (const re of LITERALS) rest = takeAll(rest, re, literal);
  rest = takeAll(rest, NUMERIC, (m) => {
    const g = m.groups ?? {};
    const scale = g.scale === undefined ? 1 : SCALES[g.scale.toLowerCase()] ?? 1;
    const values = [readNumber(g.a ?? '', g.frac) * scale];
    if (g.b !== undefined) values.push(readNumber(g.b, undefined) * scale);
    out.push(classify({ text: m[0], start: m.index, end: m.index + m[0].length }, values, g.cur, g));
  });
  rest = takeAll(rest, DIGIT_WORDS, literal);
  out.push(...extractSpelled(text, rest, options.countWordsUpTo ?? 10));
  return out.sort((a, b) => a.start - b.start);
}
