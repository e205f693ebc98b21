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
const TOKEN = /[\p{L}\p{N}]+(?:[.'’_][\p{L}\p{N}]+)*/gu;

/** Folds one word: lower case, straight apostrophes, no trailing possessive. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
}

// Stemming dominates indexing time; a site's vocabulary is small next to its word count, so stems are memoised.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

/** The matching key of a folded word. */
export function stemWord(folded: string): string {
  const cached = stemCache.get(folded);
  if (cached !== undefined) return cached;
  const stem = /[._'\d]/.test(folded) ? folded : stemmer(folded);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(folded, stem);
  return stem;
}

/** Splits text into tokens with offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const folded = foldWord(raw);
    tokens.push({ start: m.index, end: m.index + raw.length, raw, folded, stem: stemWord(folded) });
  }
  return tokens;
}

/** The stems of a text, in order (no offsets), for indexing. */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  // Lower-casing once is much cheaper than per word; offsets are not needed here.
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    let word = m[0];
    if (word.includes('’')) word = word.replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    out.push(stemWord(word));
  }
  return out;
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
