/** `occurrence` (too many or too few matches of `token` in a scope) and `repetition` (the same match twice in a row). */
import { compileValeRegex } from '../regex.ts';
import type { RuleDefinition } from '../rule-definition.ts';
import type { RawAlert, RuleAction } from '../types.ts';
import { createExceptionTest, formatValeMessage, makeRawAlert, matchAll } from './common.ts';
import type { CheckContext } from './existence.ts';

/** Compiles an occurrence rule: `%s` in the message is the count. */
export function compileOccurrence(def: RuleDefinition): (text: string) => RawAlert[] {
  const re = compileValeRegex(`${def.ignorecase ? '(?i)' : ''}(?:${def.token ?? ''})`);
  const max = def.max ?? 0;
  const min = def.min ?? 0;
  return (text) => {
    const matches = [...matchAll(re, text)];
    const count = matches.length;
    if (!((max > 0 && count > max) || (min > 0 && count < min))) return [];
    const message = formatValeMessage(def.message, String(count));
    if (count === 0) return [{ start: 0, end: 0, match: '', message, documentLevel: true }];
    const first = matches.find((m) => m[0].trim() !== '' && !/^[*@]+$/.test(m[0]));
    if (!first) return [];
    return [{ start: first.index, end: first.index + first[0].length, match: first[0], message }];
  };
}

/** Compiles a repetition rule: consecutive equal matches of `tokens` beyond `max`. */
export function compileRepetition(def: RuleDefinition, action: RuleAction | undefined, ctx: CheckContext): (text: string) => RawAlert[] {
  const re = compileValeRegex(`${def.ignorecase ? '(?i)' : ''}(${(def.tokens ?? []).join('|')})`);
  const excepted = createExceptionTest(def.exceptions ?? [], ctx.accepted, def.vocab ?? true);
  const max = def.max ?? 0;
  return (text) => {
    const alerts: RawAlert[] = [];
    let previous = '';
    let previousStart = 0;
    let count = 0;
    for (const m of matchAll(re, text)) {
      const current = m[0].trim();
      let hit = current !== '' && (def.ignorecase ? current.toLowerCase() === previous.toLowerCase() : current === previous);
      hit = hit && (!def.alpha || /^\p{L}*$/u.test(current));
      if (hit) count += 1;
      if (hit && count > max) {
        const span = text.slice(previousStart, m.index + m[0].length);
        if (!span.includes('\n') && !excepted(span)) {
          const alert = makeRawAlert(def.message, action, text, previousStart, m.index + m[0].length);
          alerts.push({ ...alert, message: formatValeMessage(def.message, current) });
          count = 0;
        }
      }
      previousStart = m.index;
      previous = current;
    }
    return alerts;
  };
}
