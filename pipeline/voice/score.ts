/** The voice score: one number for how well a draft keeps the brand's voice. */
import type { Severity } from '../messages.ts';

export type ScoreWeights = Readonly<Record<Severity, number>>;

export const DEFAULT_WEIGHTS: ScoreWeights = { error: 10, warning: 3, suggestion: 1 };

/** Points lost per penalty point per 100 words. */
export const SCORE_SCALE = 2;

/**
 * Voice score, 0–100: `100 − 2 × P × 100 / max(W, 100)`, clamped at 0 and rounded to one decimal,
 * where P is the sum of alert weights (default error 10, warning 3, suggestion 1) and W the number
 * of words of prose. One error per 100 words costs 20 points; a text under 100 words is scored as
 * if it had 100, so one alert in a short text does not sink it.
 */
export function scoreVoice(alerts: readonly { readonly severity: Severity }[], words: number, weights: ScoreWeights = DEFAULT_WEIGHTS): number {
  const penalty = alerts.reduce((sum, a) => sum + weights[a.severity], 0);
  const perHundred = (penalty * 100) / Math.max(words, 100);
  return Math.max(0, Math.round((100 - SCORE_SCALE * perHundred) * 10) / 10);
}
