/** Which rules run: styles named in `based_on`, plus rules switched on one by one, with level overrides (as `.vale.ini`). */
import type { Severity } from '../../messages.ts';
import { compileRule, readStyleRules, type RuleSource } from './rules.ts';
import type { CompiledCheck } from './types.ts';

/** `YES`, `NO`, or a level, per `Style.Rule` (the right-hand side of a `.vale.ini` rule line). */
export type RuleSetting = 'YES' | 'NO' | Severity;

export type RuleSetOptions = {
  /** Folders holding style folders (`<path>/<Style>/*.yml`), searched in order. */
  readonly stylesPaths: readonly string[];
  /** Styles whose every rule runs. */
  readonly basedOn: readonly string[];
  /** Per-rule switches and levels, keyed `Style.Rule`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Accepted vocabulary: exceptions for every rule with `vocab: true` (the default). */
  readonly accepted?: readonly string[];
};

export type RuleSet = {
  readonly checks: readonly CompiledCheck[];
  /** One message per rule that could not be used (unsupported type, invalid file). */
  readonly warnings: readonly string[];
};

/** Reads the rule files of every style the options name (based-on styles, then styles of rules switched on one by one). */
export function readRuleSources(options: RuleSetOptions): RuleSource[] {
  const settings = options.rules ?? {};
  const extraStyles = Object.keys(settings)
    .filter((name) => settings[name] !== 'NO' && name.includes('.'))
    .map((name) => name.split('.')[0] as string)
    .filter((style) => !options.basedOn.includes(style));
  return readStyleRules(options.stylesPaths, [...options.basedOn, ...new Set(extraStyles)]);
}

/** Resolves the rules to run and compiles them. */
export function buildRuleSet(options: RuleSetOptions): RuleSet {
  return compileRuleSources(readRuleSources(options), options);
}

/** Compiles already-read rule sources under the same selection rules. */
export function compileRuleSources(sources: readonly RuleSource[], options: RuleSetOptions): RuleSet {
  const settings = options.rules ?? {};
  const checks: CompiledCheck[] = [];
  const warnings: string[] = [];
  for (const source of sources) {
    const setting = settings[source.name];
    const style = source.name.split('.')[0] as string;
    const enabled = setting === undefined ? options.basedOn.includes(style) : setting !== 'NO';
    if (!enabled) continue;
    const level = setting === undefined || setting === 'YES' || setting === 'NO' ? undefined : setting;
    const result = compileRule(source, level ? { level, accepted: options.accepted ?? [] } : { accepted: options.accepted ?? [] });
    if (result.check) checks.push(result.check);
    if (result.warning) warnings.push(result.warning);
  }
  return { checks, warnings };
}
