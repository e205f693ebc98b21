/**
 * Readability statistics, computed as Vale's summarize package does: paragraphs split on blank
 * lines, words are runs of letters, digits and apostrophes (or dotted initialisms), characters are
 * letters and digits, syllables by the `syllable` package, complex words have 3+ syllables not
 * counting an -es/-ed/-ing ending.
 */
import { syllable } from 'syllable';
import { splitSentences } from './sentences.ts';

export type TextStats = {
  readonly words: number;
  readonly sentences: number;
  readonly paragraphs: number;
  readonly characters: number;
  readonly syllables: number;
  readonly complexWords: number;
  readonly longWords: number;
  readonly polysyllabicWords: number;
  /** Words per sentence, in order. */
  readonly sentenceLengths: readonly number[];
};

const WORD = /(?:[A-Z]\.){2,}|[\p{N}\p{L}']+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

let cached: { text: string; stats: TextStats } | undefined;

/** Counts words, sentences, syllables… of a text (the last result is reused for the same text). */
export function computeTextStats(text: string): TextStats {
  if (cached?.text === text) return cached.stats;
  const stats = countTextStats(text);
  cached = { text, stats };
  return stats;
}

function countTextStats(text: string): TextStats {
  let words = 0;
  let sentences = 0;
  let paragraphs = 0;
  let characters = 0;
  let syllables = 0;
  let complexWords = 0;
  let longWords = 0;
  let polysyllabicWords = 0;
  const sentenceLengths: number[] = [];
  for (const paragraph of text.split('\n\n')) {
    paragraphs += 1;
    for (const [start, end] of splitSentences(paragraph)) {
      sentences += 1;
      const before = words;
      for (const match of paragraph.slice(start, end).matchAll(WORD)) {
        const word = match[0];
        words += 1;
        characters += word.match(LETTER_OR_DIGIT)?.length ?? 0;
        if (word.length > 6) longWords += 1;
        const count = countSyllables(word);
        syllables += count;
        if (count > 2) polysyllabicWords += 1;
        const trimmed = /(?:es|ed|ing)$/.test(word) ? count - 1 : count;
        if (trimmed > 2) complexWords += 1;
      }
      sentenceLengths.push(words - before);
    }
  }
  return { words, sentences, paragraphs, characters, syllables, complexWords, longWords, polysyllabicWords, sentenceLengths };
}

const syllableMemo = new Map<string, number>();

function countSyllables(word: string): number {
  const known = syllableMemo.get(word);
  if (known !== undefined) return known;
  const letters = word.replace(/'/g, '');
  const count = [...letters].length < 3 ? 1 : Math.max(1, syllable(letters));
  if (syllableMemo.size > 50_000) syllableMemo.clear();
  syllableMemo.set(word, count);
  return count;
}

/** The readability formulas Vale supports, plus Flesch reading ease. */
export const READABILITY_FORMULAS = {
  'Flesch-Kincaid': (s: TextStats) => (0.39 * s.words) / s.sentences + (11.8 * s.syllables) / s.words - 15.59,
  'Flesch Reading Ease': (s: TextStats) => 206.835 - (1.015 * s.words) / s.sentences - (84.6 * s.syllables) / s.words,
  'Gunning Fog': (s: TextStats) => 0.4 * (s.words / s.sentences + (100 * s.complexWords) / s.words),
  SMOG: (s: TextStats) => 1.043 * Math.sqrt((s.polysyllabicWords * 30) / s.sentences) + 3.1291,
  'Coleman-Liau': (s: TextStats) => 0.0588 * (s.characters / s.words) * 100 - 0.296 * (s.sentences / s.words) * 100 - 15.8,
  'Automated Readability': (s: TextStats) => 4.71 * (s.characters / s.words) + 0.5 * (s.words / s.sentences) - 21.43,
} as const satisfies Record<string, (s: TextStats) => number>;

export type ReadabilityMetric = keyof typeof READABILITY_FORMULAS;
