/** The model layer's entry points (re-exports only). */
export { createModelClient, type ModelClient, type ModelClientOptions, type ProviderName } from './create-model-client.ts';
export { createAnthropicProvider, toMessageParams, type AnthropicProvider } from './anthropic-provider.ts';
export { createOpenAIProvider } from './openai-provider.ts';
export { BatchPendingError, BudgetExceededError, ModelAnswerError, ModelCallAbortedError, ModelConfigError, ProviderError } from './errors.ts';
export { estimateCost, estimateTokens, worstCaseCost, costOfUsage, findPrice, DEFAULT_PRICES, type Price } from './pricing.ts';
export type { BatchSubmission, BatchCollection } from './batch-mode.ts';
export type { AuditEntry } from './audit-log.ts';
export type { LedgerEntry, CostLedger } from './cost-ledger.ts';
