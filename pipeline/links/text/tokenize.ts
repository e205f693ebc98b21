/** Word tokens with their offsets, case-folded and stemmed, shared by the index and the matcher. */
import { stemmer } from 'stemmer';

export type Token = {
  /** Offset of the token's first UTF-16 unit in the source string. */
  readonly start: number;
  readonly end: number;
  /** The token as written. */
  readonly raw: string;
  /** Folded form: lower case, curly apostrophes made straight. */
  readonly folded: string;
  /** Matching key: the Porter stem of plain words; identifiers (`strings.Truncate`) stay whole. */
  readonly stem: string;
};

// Letters and digits, joined by inner dots, apostrophes or underscores (`safe.HTML`, `let's`, `u.s`).
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit below the surrogates: 0 not classified yet, 1 letter or digit, 2 neither. */
const unitClass = new Uint8Array(0xd800);
for (let c = 0; c < 128; c++) unitClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Width (1 or 2 UTF-16 units) of the letter or digit at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800) {
    let k = unitClass[c];
    if (k === 0) unitClass[c] = k = WORD_CHAR.test(text[i] ?? '') ? 1 : 2;
    return k === 1 ? 1 : 0;
  }
  const cp = text.codePointAt(i) ?? 0;
  const width = cp > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? width : 0;
}

function isJoiner(c: number): boolean {
  return c === 0x2e || c === 0x27 || c === 0x5f || c === 0x2019;
}

/**
 * The words of `text` as offsets, `[start0, end0, start1, end1, …]`: runs of letters and digits with single
 * inner joiners. A scanner rather than a regular expression: indexing 100,000 pages tokenizes millions of words.
 */
function scanWords(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let w = c < 128 ? (unitClass[c] === 1 ? 1 : 0) : wordCharAt(text, i);
    if (w === 0) {
      i += 1;
      continue;
    }
    const start = i;
    i += w;
    while (i < n) {
      const d = text.charCodeAt(i);
      w = d < 128 ? (unitClass[d] === 1 ? 1 : 0) : wordCharAt(text, i);
      if (w > 0) i += w;
      else if (isJoiner(d) && i + 1 < n && (w = wordCharAt(text, i + 1)) > 0) i += 1 + w;
      else break;
    }
    out.push(start, i);
  }
  return out;
}

/** Folds one word: lower case, straight apostrophes, no trailing possessive. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
}

/**
 * A stem and its number. Stems are numbered once per process, in the order first seen, so that the index can
 * count them in arrays; the numbers are never stored.
 */
type StemEntry = { readonly stem: string; readonly id: number };

// Stemming dominates indexing time; a site's vocabulary is small next to its word count, so stems are memoised.
const stemCache = new Map<string, StemEntry>();
const STEM_CACHE_LIMIT = 500_000;
const stemIds = new Map<string, number>();
const stemNames: string[] = [];

function entryOf(folded: string): StemEntry {
  const cached = stemCache.get(folded);
  if (cached !== undefined) return cached;
  const stem = /[._'\d]/.test(folded) ? folded : stemmer(folded);
  let id = stemIds.get(stem);
  if (id === undefined) {
    id = stemNames.length;
    stemIds.set(stem, id);
    stemNames.push(stem);
  }
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  const entry = { stem, id };
  stemCache.set(folded, entry);
  return entry;
}

/** The matching key of a folded word. */
export function stemWord(folded: string): string {
  return entryOf(folded).stem;
}

/** The stem numbered `id` (see `stemIdsOf`). */
export function stemName(id: number): string {
  return stemNames[id] ?? '';
}

/** How many stems are numbered so far: every stem number is below it. */
export function stemCount(): number {
  return stemNames.length;
}

/** Splits text into tokens with offsets. */
export function tokenize(text: string): Token[] {
  const words = scanWords(text);
  const tokens: Token[] = [];
  for (let k = 0; k < words.length; k += 2) {
    const start = words[k] ?? 0;
    const end = words[k + 1] ?? 0;
    const raw = text.slice(start, end);
    const folded = foldWord(raw);
    tokens.push({ start, end, raw, folded, stem: stemWord(folded) });
  }
  return tokens;
}

function mapStems<T>(text: string, pick: (entry: StemEntry) => T): T[] {
  // Lower-casing once is much cheaper than per word; offsets are not needed here.
  const lower = text.toLowerCase();
  const words = scanWords(lower);
  const out = new Array<T>(words.length / 2);
  for (let k = 0; k < words.length; k += 2) {
    let word = lower.slice(words[k], words[k + 1]);
    if (word.includes('’')) word = word.replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    out[k / 2] = pick(entryOf(word));
  }
  return out;
}

const pickStem = (e: StemEntry): string => e.stem;
const pickId = (e: StemEntry): number => e.id;

/** The stems of a text, in order (no offsets), for indexing. */
export function stemsOf(text: string): string[] {
  return mapStems(text, pickStem);
}

/** The stems of a text as numbers (see `stemName`), in order: the index counts them without string keys. */
export function stemIdsOf(text: string): number[] {
  return mapStems(text, pickId);
}

/** The matching key of a phrase: its stems joined by spaces. */
export function phraseKey(text: string): string {
  return stemsOf(text).join(' ');
}

/** Common English function words: never an anchor on their own, ignored in relatedness queries. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'may more most my no not of on or our out she so such than that the their them then there these they this those to ' +
    'up us was we were what when where which while who why will with would you your all any also about after before ' +
    'each just like make many new now only other over same some use used using very via way well get one two'
  ).split(' '),
);

/** The stems of the stop words. */
export const STOP_STEMS: ReadonlySet<string> = new Set([...STOP_WORDS].map(stemWord));
