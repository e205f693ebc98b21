/** The brand-voice stage: Vale-compatible rules, the voice score, calibration and `voice lint`. */
export { voiceConfigSchema, type VoiceConfig } from './config.ts';
export { createVoiceStage, voiceStage, RULE_REWRITE_FAILED, RULE_SCORE_BELOW_THRESHOLD, type VoiceStageAlert, type VoiceStageOptions, type VoiceStageResult } from './voice-stage.ts';
export { offlineVoiceRewrite, REWRITE_TASK } from './rewrite-request.ts';
export { formatVoiceAlert, voiceLintCommand, type VoiceLintOptions } from './lint-command.ts';
export { assessVoice, loadVoiceRules, voiceFingerprint, type VoiceReport, type VoiceRules } from './load-voice-rules.ts';
export { DEFAULT_WEIGHTS, scoreVoice, type ScoreWeights } from './score.ts';
export { applyFixes } from './apply-fixes.ts';
export { lintDocument, lintSource, type LintOptions, type LintResult } from './engine/lint.ts';
export { buildRuleSet, compileRuleSources, readRuleSources, type RuleSet, type RuleSetOptions, type RuleSetting } from './engine/rule-set.ts';
export { compileRule, readStyleRules, type RuleSource } from './engine/rules.ts';
export { parseValeIni, readValeIni, resolveValeIni, ValeIniError, type ValeIni } from './engine/vale-ini.ts';
export type { VoiceAlert } from './engine/types.ts';
