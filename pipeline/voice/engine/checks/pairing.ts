/**
 * `consistency` (only one of each `either` pair per file) and `conditional` (`first` needs a
 * `second` seen earlier in the file, e.g. an acronym needs its definition).
 */
import { compileValeRegex } from '../regex.ts';
import type { RuleDefinition } from '../rule-definition.ts';
import type { FileState, RawAlert, RuleAction } from '../types.ts';
import { createExceptionTest, makeRawAlert, matchAll, NONWORD_TEMPLATE, WORD_TEMPLATE } from './common.ts';
import type { CheckContext } from './existence.ts';

/** Compiles a consistency rule; both spellings seen in one file raise an alert at the latest match. */
export function compileConsistency(def: RuleDefinition, name: string, action: RuleAction | undefined): (text: string, state: FileState) => RawAlert[] {
  const template = def.nonword ? NONWORD_TEMPLATE : WORD_TEMPLATE;
  const steps = Object.entries(def.either ?? {}).map(([left, right], index) => {
    const keys = [`${name}#${index}a`, `${name}#${index}b`] as const;
    return { re: compileValeRegex((def.ignorecase ? '(?i)' : '') + template(`(${left})|(${right})`)), keys };
  });
  return (text, state) => {
    const alerts: RawAlert[] = [];
    for (const step of steps) {
      let last: RegExpExecArray | undefined;
      for (const m of matchAll(step.re, text)) {
        last = m;
        state.sequences.add(m[1] !== undefined ? step.keys[0] : step.keys[1]);
      }
      if (last && state.sequences.has(step.keys[0]) && state.sequences.has(step.keys[1])) {
        alerts.push(makeRawAlert(def.message, action, text, last.index, last.index + last[0].length));
      }
    }
    return alerts;
  };
}

/** Compiles a conditional rule; captured groups of `second` count as defined for the whole file. */
export function compileConditional(def: RuleDefinition, action: RuleAction | undefined, ctx: CheckContext): (text: string, state: FileState) => RawAlert[] {
  const flags = def.ignorecase ? '(?i)' : '';
  const second = compileValeRegex(flags + (def.second ?? ''));
  const first = compileValeRegex(flags + (def.first ?? ''));
  const excepted = createExceptionTest(def.exceptions ?? [], ctx.accepted, def.vocab ?? true);
  return (text, state) => {
    for (const m of matchAll(second, text)) for (const g of m.slice(1)) if (g) state.sequences.add(`=${g}`);
    const alerts: RawAlert[] = [];
    for (const m of matchAll(first, text)) {
      if (state.sequences.has(`=${m[0]}`) || excepted(m[0])) continue;
      alerts.push(makeRawAlert(def.message, action, text, m.index, m.index + m[0].length));
    }
    return alerts;
  };
}
