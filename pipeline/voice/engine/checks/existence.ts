/** `existence`: report every match of `tokens` (joined as `\b(?:a|b)\b` unless `nonword`), with `raw` before or after. */
import { compileValeRegex } from '../regex.ts';
import type { RuleDefinition } from '../rule-definition.ts';
import type { RawAlert, RuleAction } from '../types.ts';
import { createExceptionTest, makeRawAlert, matchAll, NONWORD_TEMPLATE, WORD_TEMPLATE } from './common.ts';

export type CheckContext = { readonly accepted: readonly string[] };

/** Builds the existence pattern exactly as Vale's `makeRegexp` does. */
export function buildExistencePattern(def: RuleDefinition): string {
  const tokens = (def.tokens ?? []).filter((t) => t.trim() !== '');
  const word = !def.nonword && (def.tokens ?? []).length > 0;
  const template = word ? WORD_TEMPLATE : NONWORD_TEMPLATE;
  const raw = (def.raw ?? []).join('');
  let regex = template(tokens.join('|'));
  regex = def.append ? regex + raw : raw + regex;
  return def.ignorecase ? `(?i)${regex}` : regex;
}

/** Compiles an existence rule into its block runner. */
export function compileExistence(def: RuleDefinition, action: RuleAction | undefined, ctx: CheckContext): (text: string) => RawAlert[] {
  const re = compileValeRegex(buildExistencePattern(def));
  const excepted = createExceptionTest(def.exceptions ?? [], ctx.accepted, def.vocab ?? true);
  return (text) => {
    const alerts: RawAlert[] = [];
    for (const m of matchAll(re, text)) {
      if (excepted(m[0].trim())) continue;
      alerts.push(makeRawAlert(def.message, action, text, m.index, m.index + m[0].length));
    }
    return alerts;
  };
}
