/**
 * `substitution`: one alternation of every `swap` key (longest first, each its own group); the
 * group that matched names the replacement. A match equal to its replacement is not reported.
 */
import { compileValeRegex } from '../regex.ts';
import type { RuleDefinition } from '../rule-definition.ts';
import type { RawAlert, RuleAction } from '../types.ts';
import { capFirst, createExceptionTest, formatValeMessage, matchAll, NONWORD_TEMPLATE, toSentence, WORD_TEMPLATE } from './common.ts';
import type { CheckContext } from './existence.ts';

const CAPTURE_OPEN = /(?<!\\)\((?!\?)/g;

/** Vale's `convertMessage`: with two `'%s'`, the first loses its quotes (ToSentence adds them). */
function convertMessage(message: string): string {
  for (const spec of ["'%s'", '"%s"']) {
    if (message.split(spec).length - 1 === 2) return message.replace(spec, '%s');
  }
  return message;
}

function isPhrase(s: string): boolean {
  return /^[\p{L}\p{N} -]*$/u.test(s);
}

/** Vale's `matchToken`: is the observed text already the expected replacement? */
function matchesToken(expected: string, observed: string): boolean {
  if (isPhrase(expected)) return expected === observed;
  try {
    const re = compileValeRegex(`^(?:${expected})$`);
    return re.test(observed);
  } catch {
    return expected === observed;
  }
}

/** Compiles a substitution rule into its block runner. */
export function compileSubstitution(def: RuleDefinition, action: RuleAction | undefined, ctx: CheckContext): (text: string) => RawAlert[] {
  const swap = Object.entries(def.swap ?? {});
  // Longest key first (stable, so equal lengths keep file order).
  const terms = swap.map(([key]) => key).sort((a, b) => b.length - a.length);
  const replacements = terms.map((key) => (def.swap ?? {})[key] as string);
  const groups = terms.map((key) => `(${key.replace(CAPTURE_OPEN, '(?:')})`).join('|');
  const template = def.nonword ? NONWORD_TEMPLATE : WORD_TEMPLATE;
  const re = compileValeRegex((def.ignorecase ? '(?i)' : '') + template(groups));
  const excepted = createExceptionTest(def.exceptions ?? [], ctx.accepted, def.vocab ?? true);
  // Vale 3.2 matched the case of a capitalised match by default; `capitalize: false` turns it off.
  const capitalize = def.capitalize ?? true;

  return (text) => {
    const alerts: RawAlert[] = [];
    if (terms.length === 0) return alerts;
    for (const m of matchAll(re, text)) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      if (group < 1) continue;
      const observed = (m[group] as string).trim();
      const start = m.index + m[0].indexOf(m[group] as string);
      const end = start + (m[group] as string).length;
      let expected = replacements[group - 1] as string;
      if (/\$\d+/.test(expected)) {
        const keyRe = compileValeRegex((def.ignorecase ? '(?i)' : '') + (terms[group - 1] as string));
        expected = observed.replace(keyRe, expected);
      }
      if (matchesToken(expected, observed) || excepted(observed)) continue;
      let message = def.message;
      let fix = action;
      if (action && action.name === 'replace' && action.params.length === 0) {
        let params = expected.split('|');
        if (capitalize && observed === capFirst(observed)) params = params.map(capFirst);
        fix = { name: 'replace', params };
        expected = toSentence(params, 'or');
        message = convertMessage(message);
      }
      const base = { start, end, match: text.slice(start, end), message: formatValeMessage(message, expected, observed) };
      alerts.push(fix ? { ...base, action: fix } : base);
    }
    return alerts;
  };
}
