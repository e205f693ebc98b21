/** The review gate: numbers checked against the brief, banned claims, refusals, brief injection. */
export { DEFAULT_BANNED_CLAIMS, gateConfigSchema, type GateConfig } from './config.ts';
export { collectBriefFacts, findUnsupportedValue, type BriefFacts } from './brief-facts.ts';
export { extractNumbers, type ExtractOptions, type NumberMention } from './extract-numbers.ts';
export { findInstructions, RULE_BRIEF_INSTRUCTION, scanBriefForInstructions, type FoundInstruction } from './scan-brief.ts';
export {
  formatFlagsForFrontMatter,
  gateOptionsFromConfig,
  reviewDraft,
  RULE_BANNED_CLAIM,
  RULE_PRICE_MISMATCH,
  RULE_REFUSAL,
  RULE_TRUNCATED,
  RULE_UNSUPPORTED_NUMBER,
  type FrontMatterFlag,
  type GateOptions,
  type ReviewInput,
} from './review-draft.ts';
export { reviewDoc } from './review-doc.ts';
