/**
 * Keyphrase matching the way Yoast SEO does it for English, documented in
 * yoastseo "KEYPHRASE MATCHING.md":
 * - per-word matching: a keyphrase matches a sentence when all its content words occur in it,
 *   in any order; n occurrences of every word count as n matches;
 * - function words ("how", "to", "a", …) are left out of the keyphrase, unless it has nothing else;
 * - word forms: both sides are compared by their Porter stem (`stemmer`), after lower-casing,
 *   Unicode normalisation, dropping possessive `'s` and splitting hyphenated words, so
 *   "Linen Shirts", "linen shirt's" and "shirts of linen" all match "linen shirt";
 * - a keyphrase in double quotes ("linen shirt") asks for the exact phrase, in order and as written
 *   (case and diacritics aside), as Yoast does.
 * For other languages (a locale not starting with `en`) it does what Yoast does without language
 * support: per-word matching on normalised words, no stemming and no function-word filtering.
 */
import { stemmer } from 'stemmer';
import { FUNCTION_WORDS } from './function-words.ts';

export type Keyphrase = {
  readonly text: string;
  /** The locale the keyphrase is matched in (default: `en`). */
  readonly locale: string;
  /** How words are compared in this locale: their stem (English) or their normalised form. */
  readonly stem: (word: string) => string;
  /** Quoted keyphrase: the words must appear in order and next to each other. */
  readonly exact: boolean;
  /** Every word, normalised (lower case, no possessive). */
  readonly words: readonly string[];
  /** Stems of every word, in order. */
  readonly allStems: readonly string[];
  /** Stems of the content words (all words when the keyphrase has only function words). */
  readonly stems: readonly string[];
};

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Lower-cases and normalises one word (diacritics removed) and drops a possessive `'s` / `s'`. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$|'$/u, '');
}

/** Splits text into normalised words; hyphenated words count as their parts. */
export function splitWords(text: string): string[] {
  return [...text.matchAll(WORD_PATTERN)].map((m) => normalizeWord(m[0])).filter((w) => w.length > 0);
}

const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

/** The stem used to compare word forms (memoised: the same words come back in every check). */
export function stemWord(word: string): string {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  const normal = normalizeWord(word);
  const stem = /^\p{N}+$/u.test(normal) ? normal : stemmer(normal);
  if (stems.size >= MAX_CACHED_STEMS) stems.clear();
  stems.set(word, stem);
  return stem;
}

/** True when a normalised word is an English function word. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(normalizeWord(word));
}

/** True when a locale gets English word forms and function words. */
export function isEnglishLocale(locale: string): boolean {
  return /^en(?:[-_]|$)/i.test(locale);
}

/** Parses a focus keyphrase; surrounding double quotes ask for exact matching (default locale: `en`). */
export function parseKeyphrase(text: string, locale = 'en'): Keyphrase {
  const trimmed = text.trim();
  const exact = /^["“].*["”]$/u.test(trimmed) && trimmed.length > 2;
  const english = isEnglishLocale(locale);
  // A quoted keyphrase asks for the words as written; word forms only come with per-word matching.
  const stem = english && !exact ? stemWord : normalizeWord;
  const words = splitWords(exact ? trimmed.slice(1, -1) : trimmed);
  const content = exact || !english ? words : words.filter((w) => !FUNCTION_WORDS.has(w));
  const chosen = content.length > 0 ? content : words;
  return { text: trimmed, locale, stem, exact, words, allStems: words.map(stem), stems: chosen.map(stem) };
}

/** Number of keyphrase matches in one sentence (or any short text treated as one sentence). */
export function countKeyphraseMatches(text: string | readonly string[], keyphrase: Keyphrase): number {
  const stems = (typeof text === 'string' ? splitWords(text) : text.flatMap((w) => splitWords(w))).map(keyphrase.stem);
  if (keyphrase.stems.length === 0) return 0;
  if (keyphrase.exact) return countRuns(stems, keyphrase.allStems);
  let matches = Number.POSITIVE_INFINITY;
  for (const wanted of new Set(keyphrase.stems)) {
    const need = keyphrase.stems.filter((s) => s === wanted).length;
    const have = stems.filter((s) => s === wanted).length;
    matches = Math.min(matches, Math.floor(have / need));
  }
  return matches;
}

/** Share (0–1) of the keyphrase's content words present in `text`. */
export function shareOfKeyphraseWords(text: string, keyphrase: Keyphrase): number {
  if (keyphrase.stems.length === 0) return 0;
  const stems = new Set(splitWords(text).map(keyphrase.stem));
  const wanted = [...new Set(keyphrase.stems)];
  return wanted.filter((s) => stems.has(s)).length / wanted.length;
}

/** True when the text starts with the keyphrase (in order, word forms allowed), after leading function words. */
export function startsWithKeyphrase(text: string, keyphrase: Keyphrase): boolean {
  const words = splitWords(text);
  const target = keyphrase.allStems;
  for (let start = 0; start < words.length; start += 1) {
    const stems = words.slice(start, start + target.length).map(keyphrase.stem);
    if (stems.length === target.length && stems.every((s, i) => s === target[i])) return true;
    const word = words[start];
    if (word === undefined || !isEnglishLocale(keyphrase.locale) || !FUNCTION_WORDS.has(word)) return false;
  }
  return false;
}

/** True when the keyphrase's words appear in order and next to each other (word forms allowed). */
export function containsKeyphrasePhrase(text: string, keyphrase: Keyphrase): boolean {
  return countRuns(splitWords(text).map(keyphrase.stem), keyphrase.allStems) > 0;
}

/** True when two keyphrases name the same topic: the same set of content-word stems. */
export function isSameKeyphrase(a: Keyphrase, b: Keyphrase): boolean {
  const left = new Set(a.stems);
  const right = new Set(b.stems);
  return left.size === right.size && [...left].every((s) => right.has(s));
}

/** Character span of the first in-order occurrence of the keyphrase in `text` (word forms allowed). */
export function findKeyphraseSpan(text: string, keyphrase: Keyphrase): { start: number; end: number } | undefined {
  const tokens = [...text.matchAll(WORD_PATTERN)].map((m) => ({ stem: keyphrase.stem(m[0]), start: m.index, end: m.index + m[0].length }));
  const target = keyphrase.allStems;
  if (target.length === 0) return undefined;
  for (let i = 0; i + target.length <= tokens.length; i += 1) {
    if (target.every((s, j) => tokens[i + j]?.stem === s)) {
      return { start: tokens[i]?.start ?? 0, end: tokens[i + target.length - 1]?.end ?? 0 };
    }
  }
  return undefined;
}

function countRuns(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((s, j) => haystack[i + j] === s)) {
      count += 1;
      i += needle.length - 1;
    }
  }
  return count;
}
