/**
 * Deterministic fixes: each alert whose rule has an `action` (substitution swaps, `remove`,
 * `edit`, `convert`, `replace`) is applied at the exact source range the mdast gave its match.
 * Only that range changes; every other byte of the Markdown stays as it was.
 */
import { applyAction } from './engine/checks/common.ts';
import type { VoiceAlert } from './engine/types.ts';

export type FixResult = {
  readonly markdown: string;
  /** The alerts that were fixed. */
  readonly fixed: readonly VoiceAlert[];
};

/** The text that replaces an alert's match, or undefined when the alert has no safe fix. */
export function fixFor(alert: VoiceAlert): string | undefined {
  const action = alert.action;
  if (!action || alert.match === '') return undefined;
  if (action.name === 'replace') return action.params[0];
  if (action.name === 'remove' || action.name === 'edit' || action.name === 'convert') return applyAction(action, alert.match)[0];
  return undefined;
}

/** Lints and fixes until nothing is left to fix (at most `passes` times), so overlapping fixes land too. */
export function fixAll(markdown: string, lint: (markdown: string) => readonly VoiceAlert[], passes = 3): FixResult {
  let current = markdown;
  const fixed: VoiceAlert[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const result = applyFixes(current, lint(current));
    if (result.fixed.length === 0) break;
    current = result.markdown;
    fixed.push(...result.fixed);
  }
  return { markdown: current, fixed };
}

/** Applies every safe fix; overlapping or markup-spanning matches are left for the next pass or the rewrite. */
export function applyFixes(markdown: string, alerts: readonly VoiceAlert[]): FixResult {
  const edits: Array<{ alert: VoiceAlert; start: number; end: number; text: string }> = [];
  for (const alert of [...alerts].sort((a, b) => a.offset - b.offset)) {
    const text = fixFor(alert);
    if (text === undefined || text === alert.match) continue;
    // A match that spans markup (emphasis, a link) is not one run of source text: leave it.
    if (markdown.slice(alert.offset, alert.endOffset) !== alert.match) continue;
    const last = edits[edits.length - 1];
    if (last && alert.offset < last.end) continue;
    let start = alert.offset;
    let end = alert.endOffset;
    let replacement = text;
    if (replacement === '') {
      // Removing a word also removes one space beside it.
      if (markdown[end] === ' ') end += 1;
      else if (markdown[start - 1] === ' ') start -= 1;
      const next = markdown[end] ?? '';
      if (/^\p{Lu}/u.test(alert.match) && /\p{Ll}/u.test(next)) {
        replacement = next.toUpperCase();
        end += 1;
      }
    }
    edits.push({ alert, start, end, text: replacement });
  }
  let out = markdown;
  for (const edit of [...edits].reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { markdown: out, fixed: edits.map((e) => e.alert) };
}
