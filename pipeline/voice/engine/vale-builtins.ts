/** Vale's built-in `Vale` style: Repetition, Spelling (unsupported here), and the vocabulary rules Terms and Avoid. */
import { stringify } from 'yaml';
import type { RuleSource } from './rules.ts';

function isPhrase(s: string): boolean {
  return /^[\p{L}\p{N} -]*$/u.test(s);
}

function source(name: string, rule: Record<string, unknown>): RuleSource {
  return { name: `Vale.${name}`, file: `(built-in Vale.${name})`, text: stringify(rule) };
}

/**
 * The rules of the `Vale` style, as Vale builds them: `Vale.Terms` enforces the case of accepted
 * words, `Vale.Avoid` reports rejected ones; they run when `Vale` is a based-on style.
 */
export function valeBuiltinRules(accepted: readonly string[], rejected: readonly string[]): RuleSource[] {
  const rules: RuleSource[] = [
    source('Repetition', {
      extends: 'repetition',
      message: "'%s' is repeated!",
      level: 'error',
      alpha: true,
      action: { name: 'edit', params: ['truncate', ' '] },
      tokens: ['[^\\s]+'],
    }),
    source('Spelling', { extends: 'spelling', message: "Did you really mean '%s'?", level: 'error' }),
  ];
  const terms = accepted.filter(isPhrase);
  if (terms.length > 0) {
    rules.push(
      source('Terms', {
        extends: 'substitution',
        message: "Use '%s' instead of '%s'.",
        level: 'error',
        ignorecase: true,
        vocab: false,
        swap: Object.fromEntries(terms.map((t) => [t.toLowerCase(), t])),
      }),
    );
  }
  if (rejected.length > 0) {
    rules.push(source('Avoid', { extends: 'existence', message: "Avoid using '%s'.", level: 'error', ignorecase: false, tokens: [...rejected] }));
  }
  return rules;
}
