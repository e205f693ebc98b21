/**
 * `capitalization`: the whole scope (usually a heading) must be in `$sentence`, `$title`,
 * `$lower` or `$upper` case, or match a pattern. Sentence and title case are scored word by word
 * against the converted text and pass at `threshold` (default 0.8), as in Vale.
 */
import { compileValeRegex } from '../regex.ts';
import type { RuleDefinition } from '../rule-definition.ts';
import type { RawAlert, RuleAction } from '../types.ts';
import { createExceptionTest, formatValeMessage } from './common.ts';
import type { CheckContext } from './existence.ts';

const TOKEN = '[\\p{N}\\p{L}*]+[^\\s]*';

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'vs', 'vs.', 'via', 'v', 'v.']);
const CHICAGO_EXTRA = new Set(['with', 'from', 'into', 'during', 'including', 'until', 'against', 'among', 'throughout', 'despite', 'towards', 'upon', 'concerning', 'about', 'over', 'through', 'before', 'between', 'after', 'since', 'without', 'under', 'within', 'along', 'following', 'across', 'beyond', 'around', 'down', 'near', 'above']);

type Vocab = {
  readonly terms: readonly string[];
  /** Each term as a pattern (undefined when it is not a valid one), compiled once. */
  readonly patterns: ReadonlyArray<RegExp | undefined>;
  /** The tokenizer: vocabulary terms first, then words. */
  readonly tokens: RegExp;
};

function compileVocab(terms: readonly string[]): Vocab {
  const patterns = terms.map((term) => {
    try {
      return compileValeRegex(term);
    } catch {
      // A vocab term that is not a valid pattern only matches literally.
      return undefined;
    }
  });
  const body = terms.length > 0 ? `\\b(?:${terms.join('|')})\\b|${TOKEN}` : TOKEN;
  return { terms, patterns, tokens: compileValeRegex(`(?i)${body}`) };
}

function toTitleWord(word: string, strict: boolean): string {
  const [first = '', ...rest] = [...word];
  const tail = rest.join('');
  return first.toUpperCase() + (strict ? tail.toLowerCase() : tail);
}

function inVocab(vocab: Vocab, token: string): string {
  for (const [i, term] of vocab.terms.entries()) {
    if (term.toLowerCase() === token.toLowerCase()) return term;
    const re = vocab.patterns[i];
    if (re) {
      re.lastIndex = 0;
      if (re.test(token)) return token;
    }
  }
  return '';
}

function convertSentence(s: string, vocab: Vocab, indicator: (word: string, index: number) => boolean): string {
  const tokens = s.match(vocab.tokens) ?? [];
  return tokens
    .map((token, i) => {
      const entry = inVocab(vocab, token);
      if (entry) return entry;
      if (i === 0 || indicator(tokens[i - 1] ?? '', i - 1)) return toTitleWord(token, true);
      return token.toLowerCase();
    })
    .join(' ');
}

function convertTitle(s: string, vocab: Vocab, chicago: boolean): string {
  const words = [...s.matchAll(/[\p{N}\p{L}]+[^\s\-/]*/gu)];
  return s.replace(/[\p{N}\p{L}]+[^\s\-/]*/gu, (m: string, offset: number) => {
    const found = inVocab(vocab, m);
    if (found) return found;
    const lower = m.toLowerCase();
    const bounding = offset === 0 || offset + m.length === s.length || m === words[words.length - 1]?.[0];
    const prev = s[offset - 1] ?? '';
    const small = SMALL_WORDS.has(lower) || (chicago && CHICAGO_EXTRA.has(lower));
    if (small && !bounding && (prev === ' ' || prev === '-' || prev === '/') && s[offset - 2] !== ':') return lower;
    return toTitleWord(m, false);
  });
}

/** Compiles a capitalization rule into its block runner. */
export function compileCapitalization(def: RuleDefinition, action: RuleAction | undefined, ctx: CheckContext): (text: string) => RawAlert[] {
  const exceptions = [...(def.exceptions ?? []), ...((def.vocab ?? true) ? ctx.accepted : [])];
  const vocab = compileVocab([...exceptions].sort((a, b) => b.length - a.length));
  const wordPattern = compileValeRegex(TOKEN);
  const customPattern = ['$sentence', '$title', '$lower', '$upper'].includes(def.match ?? '') ? undefined : compileValeRegex(def.match ?? '');
  const excepted = createExceptionTest(def.exceptions ?? [], ctx.accepted, def.vocab ?? true);
  const threshold = def.threshold && def.threshold > 0 ? def.threshold : 0.8;
  const indicators = def.indicators ?? [':'];
  const indicator = (word: string, index: number): boolean =>
    indicators.some((suffix) => word.length > suffix.length && word.endsWith(suffix)) || (index === 0 && /\d+\./.test(word));
  const prefix = def.prefix ? compileValeRegex(`^(?:${def.prefix})`) : undefined;
  const scoreWords = (s: string, expected: string, sentence: boolean): boolean => {
    const re = wordPattern;
    const expectedTokens = expected.match(re) ?? [];
    let count = 0;
    let words = 0;
    for (const [i, w] of (s.match(re) ?? []).entries()) {
      if (i >= expectedTokens.length) count += 1;
      else if (w === expectedTokens[i] || excepted(w)) count += 1;
      else if (sentence && i === 0 && w !== toTitleWord(w, true)) return false;
      else if (!sentence && w === w.toUpperCase()) count += 1;
      words += 1;
    }
    return words === 0 || count / words >= threshold;
  };
  const check = (text: string): { expected: string; ok: boolean } => {
    let head = '';
    let s = text;
    if (prefix) {
      prefix.lastIndex = 0;
      const m = prefix.exec(s);
      if (m) {
        head = m[0];
        s = s.slice(head.length);
      }
    }
    switch (def.match) {
      case '$sentence': {
        const expected = convertSentence(s, vocab, indicator);
        return { expected: head + expected, ok: scoreWords(s, expected, true) };
      }
      case '$title': {
        const expected = convertTitle(s, vocab, def.style === 'Chicago');
        return { expected: head + expected, ok: scoreWords(s, expected, false) };
      }
      case '$lower':
        return { expected: text.toLowerCase(), ok: text === text.toLowerCase() || excepted(text) };
      case '$upper':
        return { expected: text.toUpperCase(), ok: text === text.toUpperCase() || excepted(text) };
      default: {
        const re = customPattern as RegExp;
        re.lastIndex = 0;
        return { expected: def.match ?? '', ok: re.test(text) || excepted(text) };
      }
    }
  };
  return (text) => {
    const { expected, ok } = check(text);
    if (ok) return [];
    let fix = action;
    // Only a fix that changes case alone is offered: the converted text drops lone punctuation.
    const caseOnly = expected.toLowerCase() === text.toLowerCase();
    if (action && action.name === 'replace' && action.params.length === 0 && (def.match === '$title' || def.match === '$sentence') && caseOnly) {
      fix = { name: 'replace', params: [expected] };
    }
    const base = { start: 0, end: text.length, match: text, message: formatValeMessage(def.message, text, expected) };
    return [fix ? { ...base, action: fix } : base];
  };
}
