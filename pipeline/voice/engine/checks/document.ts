/** Document-level checks on the summary scope: `readability` (grade formulas) and `metric` (a formula over counts). */
import { Parser } from 'expr-eval-fork';
import type { RuleDefinition } from '../rule-definition.ts';
import { computeTextStats, READABILITY_FORMULAS, type ReadabilityMetric, type TextStats } from '../text-stats.ts';
import type { FileState, RawAlert } from '../types.ts';
import { formatValeMessage } from './common.ts';

/** Metric variables as Vale names them, from summary statistics and block counts. */
export function metricVariables(stats: TextStats, counts: Readonly<Record<string, number>>): Record<string, number> {
  const variables: Record<string, number> = {
    pre: 0,
    list: 0,
    blockquote: 0,
    heading_h1: 0,
    heading_h2: 0,
    heading_h3: 0,
    heading_h4: 0,
    heading_h5: 0,
    heading_h6: 0,
    ...counts,
    complex_words: stats.complexWords,
    long_words: stats.longWords,
    paragraphs: stats.paragraphs - 1,
    sentences: stats.sentences,
    characters: stats.characters,
    words: stats.words,
    polysyllabic_words: stats.polysyllabicWords,
    syllables: stats.syllables,
    // copydesk extensions: the spread of sentence lengths.
    ...sentenceSpread(stats.sentenceLengths),
  };
  return variables;
}

function sentenceSpread(lengths: readonly number[]): Record<string, number> {
  if (lengths.length === 0) return { sentence_length_mean: 0, sentence_length_stdev: 0, sentence_length_max: 0 };
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const variance = lengths.reduce((sum, n) => sum + (n - mean) ** 2, 0) / lengths.length;
  return { sentence_length_mean: mean, sentence_length_stdev: Math.sqrt(variance), sentence_length_max: Math.max(...lengths) };
}

function isMetric(name: string): name is ReadabilityMetric {
  return Object.hasOwn(READABILITY_FORMULAS, name);
}

/** Compiles a readability rule; the grade is the mean of the listed metrics, `%s` its value. */
export function compileReadability(def: RuleDefinition): (text: string) => RawAlert[] {
  const metrics = (def.metrics ?? []).filter(isMetric);
  const grade = def.grade ?? 0;
  return (text) => {
    const stats = computeTextStats(text);
    if (stats.words === 0 || stats.sentences === 0 || metrics.length === 0) return [];
    // Reading ease rises as text gets easier: alone, `grade` is its floor instead of a ceiling.
    const easeOnly = metrics.every((m) => m === 'Flesch Reading Ease');
    const score = metrics.reduce((sum, m) => sum + READABILITY_FORMULAS[m](stats), 0) / metrics.length;
    if (easeOnly ? score >= grade : score <= grade) return [];
    return [{ start: 0, end: 0, match: '', documentLevel: true, message: formatValeMessage(def.message, score.toFixed(2)) }];
  };
}

const parser = new Parser({ operators: { assignment: false, fndef: false, in: false, concatenate: false } });

/** Compiles a metric rule: `formula` is evaluated, then `<value> <condition>` decides. */
export function compileMetric(def: RuleDefinition): (text: string, state: FileState) => RawAlert[] {
  const formula = parser.parse((def.formula ?? '0').replace(/heading\.(h[1-6])/g, 'heading_$1').replace(/math\./g, ''));
  const condition = (def.condition ?? '> 0').trim();
  return (text, state) => {
    const stats = computeTextStats(text);
    if (stats.words === 0) return [];
    const variables = metricVariables(stats, state.metrics());
    const value = Number(formula.evaluate(variables));
    const verdict = parser.evaluate(`${value.toFixed(6)} ${condition.replace(/==/g, '==')}`, variables);
    if (!verdict) return [];
    return [{ start: 0, end: 0, match: '', documentLevel: true, message: formatValeMessage(def.message, value.toFixed(2)) }];
  };
}
