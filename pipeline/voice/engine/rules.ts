/** Loading Vale style folders and compiling their rules; unsupported or broken rules become warnings. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Severity } from '../../messages.ts';
import { compileCapitalization } from './checks/capitalization.ts';
import { compileOccurrence, compileRepetition } from './checks/counting.ts';
import { compileMetric, compileReadability } from './checks/document.ts';
import { compileExistence, type CheckContext } from './checks/existence.ts';
import { compileConditional, compileConsistency } from './checks/pairing.ts';
import { compileSubstitution } from './checks/substitution.ts';
import { VALE_SCOPES } from './scope.ts';
import { ruleDefinitionSchema, SUPPORTED_EXTENSION_POINTS, type RuleDefinition } from './rule-definition.ts';
import type { CompiledCheck, FileState, RawAlert, RuleAction } from './types.ts';

/** A rule file read from a style folder. */
export type RuleSource = { readonly name: string; readonly file: string; readonly text: string };

export type CompileResult = { readonly check?: CompiledCheck; readonly warning?: string };

/** Lists `<dir>/<style>/*.yml` for each style found in any of the style paths (first path wins). */
export function readStyleRules(stylesPaths: readonly string[], styles: readonly string[]): RuleSource[] {
  const sources: RuleSource[] = [];
  const seen = new Set<string>();
  for (const style of styles) {
    for (const dir of stylesPaths) {
      const folder = path.join(dir, style);
      if (!isDirectory(folder)) continue;
      for (const entry of readdirSync(folder).sort()) {
        if (!/\.ya?ml$/.test(entry)) continue;
        const name = `${style}.${entry.replace(/\.ya?ml$/, '')}`;
        if (seen.has(name)) continue;
        seen.add(name);
        const file = path.join(folder, entry);
        sources.push({ name, file, text: readFileSync(file, 'utf8') });
      }
    }
  }
  return sources;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function toAction(def: RuleDefinition): RuleAction | undefined {
  if (!def.action) return undefined;
  return { name: def.action.name, params: def.action.params ?? [] };
}

type Runner = (text: string, state: FileState) => RawAlert[];

function buildRunner(name: string, def: RuleDefinition, action: RuleAction | undefined, ctx: CheckContext): Runner {
  switch (def.extends) {
    case 'existence':
      return compileExistence(def, action, ctx);
    case 'substitution':
      return compileSubstitution(def, action, ctx);
    case 'occurrence':
      return compileOccurrence(def);
    case 'repetition':
      return compileRepetition(def, action, ctx);
    case 'consistency':
      return compileConsistency(def, name, action);
    case 'conditional':
      return compileConditional(def, action, ctx);
    case 'capitalization':
      return compileCapitalization(def, action, ctx);
    case 'readability':
      return compileReadability(def);
    case 'metric':
      return compileMetric(def);
    default:
      throw new Error(`unsupported extension point ${def.extends}`);
  }
}

const compiled = new Map<string, CompileResult>();

/**
 * Compiles one rule file. `level` overrides the file's level (from `.vale.ini` or config).
 * Never throws for a bad rule: it comes back as a warning naming the rule. Results are memoised.
 */
export function compileRule(source: RuleSource, options: { level?: Severity; accepted?: readonly string[] } = {}): CompileResult {
  const key = JSON.stringify([source.name, source.text, options.level, options.accepted]);
  const known = compiled.get(key);
  if (known) return known;
  const result = compileRuleUncached(source, options);
  compiled.set(key, result);
  return result;
}

function compileRuleUncached(source: RuleSource, options: { level?: Severity; accepted?: readonly string[] }): CompileResult {
  let data: unknown;
  try {
    data = parseYaml(source.text);
  } catch (error) {
    return { warning: `${source.name}: rule file \`${source.file}\` is not valid YAML (${(error as Error).message.split('\n')[0]}); skipped` };
  }
  const extendsValue = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['extends'] : undefined;
  if (typeof extendsValue === 'string' && !SUPPORTED_EXTENSION_POINTS.has(extendsValue)) {
    return { warning: `${source.name}: rule type \`${extendsValue}\` is not supported; rule skipped` };
  }
  const parsed = ruleDefinitionSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { warning: `${source.name}: invalid rule in \`${source.file}\` (${issues}); skipped` };
  }
  const def = parsed.data;
  const badScope = (def.scope ?? []).flatMap((scope) => scope.split('&')).map((part) => part.trim().replace(/^~/, '').split('.')[0] as string).find((base) => !VALE_SCOPES.has(base));
  if (badScope !== undefined) return { warning: `${source.name}: scope \`${badScope}\` is not a valid scope; rule skipped` };
  const action = toAction(def);
  let runner: Runner;
  try {
    runner = buildRunner(source.name, def, action, { accepted: options.accepted ?? [] });
  } catch (error) {
    return { warning: `${source.name}: ${(error as Error).message}; rule skipped` };
  }
  const documentScoped = def.extends === 'readability' || def.extends === 'metric';
  const scope = documentScoped ? ['summary'] : (def.scope ?? ['text']);
  const check: CompiledCheck = {
    name: source.name,
    extends: def.extends,
    level: options.level ?? def.level ?? 'warning',
    scope,
    limit: def.limit ?? 0,
    action,
    run: (block, state) => runner(block.text, state),
  };
  return { check };
}
