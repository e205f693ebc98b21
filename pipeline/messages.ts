/** Located messages: problems in content, reported in the vfile style of remark/retext. */
import { closest, distance } from 'fastest-levenshtein';

export type Severity = 'error' | 'warning' | 'suggestion';

export type LocatedMessage = {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Rule id, e.g. `brief/unknown-key`; every id is listed in the README. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
};

/** Formats one message as `file:line:col: severity message (rule)`. */
export function formatMessage(m: LocatedMessage): string {
  return `${m.file}:${m.line}:${m.column}: ${m.severity} ${m.message} (${m.rule})`;
}

/** Counts messages of each severity. */
export function countBySeverity(messages: readonly LocatedMessage[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, suggestion: 0 };
  for (const m of messages) counts[m.severity] += 1;
  return counts;
}

/**
 * The hint after an unknown key: "did you mean" the closest known key when it is near (at most two
 * edits, or a third of the key's length), else the list of known keys.
 */
export function unknownKeyHint(key: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const guess = closest(key, [...known]);
  if (distance(key, guess) <= Math.max(2, Math.floor(key.length / 3))) return `; did you mean \`${guess}\`?`;
  return `; expected one of ${known.map((k) => `\`${k}\``).join(', ')}`;
}
