/** The SEO stage and checks: what the CLI and the orchestrator use. */
export { seoStage, runSeoStage, type SeoStageResult } from './seo-stage.ts';
export { offlineSeoMetadata } from './offline-seo-metadata.ts';
export { checkLinkRules, applyLinkRules, type LinkRuleOptions } from './check-link-rules.ts';
export { seoCheckCommand, checkDraftText, type SeoCheckOptions } from './seo-check-command.ts';
export { seoConfigSchema, type SeoConfig } from './config.ts';
export type { SeoCheck, Grade } from './checks/types.ts';
