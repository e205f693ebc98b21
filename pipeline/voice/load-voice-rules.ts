/** The rules a project runs, from the `voice:` config or a team's `.vale.ini`, compiled once per setting. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Severity } from '../messages.ts';
import type { VoiceConfig } from './config.ts';
import { lintDocument } from './engine/lint.ts';
import { compileRuleSources, readRuleSources, type RuleSetOptions } from './engine/rule-set.ts';
import type { RuleSource } from './engine/rules.ts';
import { valeBuiltinRules } from './engine/vale-builtins.ts';
import type { CompiledCheck, VoiceAlert } from './engine/types.ts';
import { readValeIni, resolveValeIni } from './engine/vale-ini.ts';
import { DEFAULT_WEIGHTS, scoreVoice, type ScoreWeights } from './score.ts';

export type VoiceRules = {
  readonly checks: readonly CompiledCheck[];
  /** Rules that could not be used, one message each. */
  readonly warnings: readonly string[];
  readonly minAlertLevel: Severity;
  /** Patterns whose matches no rule sees (TokenIgnores, BlockIgnores, `voice.ignore`). */
  readonly ignorePatterns: readonly string[];
  /** sha256 of every rule file read and the settings applied: part of the stage's cache key. */
  readonly hash: string;
};

const cache = new Map<string, VoiceRules>();

/**
 * Loads the rules for `file` (default: any `.md` file). `valeConfig` (a `.vale.ini` path, relative
 * to `root`) wins over the config's `vale_config`, which wins over `styles`/`based_on`/`rules`.
 */
export function loadVoiceRules(config: VoiceConfig, root: string, options: { valeConfig?: string; file?: string } = {}): VoiceRules {
  const iniPath = options.valeConfig ?? config.vale_config;
  const file = options.file ?? 'draft.md';
  const key = JSON.stringify([root, iniPath, iniPath ? file : '', config.styles, config.based_on, config.rules, config.accept, config.reject, config.ignore, config.min_alert_level]);
  const cached = cache.get(key);
  if (cached) return cached;
  let settings: RuleSetOptions;
  let sources: RuleSource[];
  let minAlertLevel: Severity;
  let ignorePatterns: string[] = [...config.ignore];
  if (iniPath) {
    const resolved = resolveValeIni(readValeIni(path.resolve(root, iniPath)), file);
    settings = { ...resolved, accepted: [...resolved.accepted, ...config.accept] };
    sources = [...readRuleSources(settings), ...resolved.extraRules];
    minAlertLevel = resolved.minAlertLevel;
    ignorePatterns = [...resolved.ignorePatterns, ...ignorePatterns];
  } else {
    settings = { stylesPaths: [path.resolve(root, config.styles)], basedOn: config.based_on, rules: config.rules, accepted: config.accept };
    const usesVale = config.based_on.includes('Vale') || Object.keys(config.rules).some((name) => name.startsWith('Vale.'));
    sources = [...readRuleSources(settings), ...(usesVale ? valeBuiltinRules(config.accept, config.reject) : [])];
    minAlertLevel = config.min_alert_level;
  }
  const compiled = compileRuleSources(sources, settings);
  const hash = createHash('sha256')
    .update(JSON.stringify([sources.map((s) => [s.name, s.text]), settings.basedOn, settings.rules ?? {}, settings.accepted ?? [], minAlertLevel, ignorePatterns]))
    .digest('hex');
  const rules: VoiceRules = { checks: compiled.checks, warnings: compiled.warnings, minAlertLevel, ignorePatterns, hash };
  cache.set(key, rules);
  return rules;
}

export type VoiceReport = {
  readonly alerts: readonly VoiceAlert[];
  readonly words: number;
  /** 0–100, see `scoreVoice`. */
  readonly score: number;
};

/** Lints Markdown with the loaded rules and scores it. */
export function assessVoice(markdown: string, rules: VoiceRules, options: { file: string; weights?: ScoreWeights }): VoiceReport {
  const { alerts, words } = lintDocument(markdown, rules.checks, { file: options.file, minAlertLevel: rules.minAlertLevel, ignorePatterns: rules.ignorePatterns });
  return { alerts, words, score: scoreVoice(alerts, words, options.weights ?? DEFAULT_WEIGHTS) };
}

/** Fingerprint of the rule files and voice settings, for the stage cache key (`StagePlan.fingerprint`). */
export function voiceFingerprint(config: VoiceConfig, root: string): string {
  const { hash } = loadVoiceRules(config, root);
  return createHash('sha256').update(JSON.stringify([hash, config.enabled, config.threshold, config.max_rounds, config.weights])).digest('hex');
}
