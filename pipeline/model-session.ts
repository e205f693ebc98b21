/** The model side of one run: the model client (providers, queue, budget, audit, batches) with every offline handler. */
import type { Config } from './config/schema.ts';
import type { Logger } from './document.ts';
import { createModelClient, type ModelClient } from './models/index.ts';
import { offlineDraft } from './models/offline/draft.ts';
import { createOfflineProvider } from './models/offline/provider.ts';
import type { OfflineHandler } from './models/types.ts';
import type { PromptSet } from './prompts/load-prompts.ts';
import { SEO_TASK } from './seo/seo-stage.ts';
import { offlineSeoMetadata } from './seo/index.ts';
import { REWRITE_TASK, offlineVoiceRewrite } from './voice/index.ts';

export type ModelSession = ModelClient;

export type ModelSessionOptions = {
  readonly config: Config;
  readonly prompts: PromptSet;
  readonly env: NodeJS.ProcessEnv;
  readonly runId: string;
  readonly stateDir: string;
  readonly maxCostUsd: number | undefined;
  readonly batch: boolean;
  readonly signal: AbortSignal;
  /** Warnings (e.g. a prompt prefix too short to be cached). */
  readonly logger?: Pick<Logger, 'warn'>;
};

/** Offline handlers of every task the stages ask for. */
export const OFFLINE_HANDLERS: Readonly<Record<string, OfflineHandler>> = {
  'draft-article': offlineDraft,
  'draft-product': offlineDraft,
  [REWRITE_TASK]: offlineVoiceRewrite,
  [SEO_TASK]: offlineSeoMetadata,
};

/** Creates the run's model client: Claude when ANTHROPIC_API_KEY (or ANTHROPIC_BASE_URL) is set, else the offline model. */
export function createModelSession(options: ModelSessionOptions): ModelSession {
  return createModelClient({
    config: options.config.models,
    providers: { offline: createOfflineProvider(OFFLINE_HANDLERS) },
    env: options.env,
    prompts: options.prompts,
    runId: options.runId,
    stateDir: options.stateDir,
    ...(options.maxCostUsd === undefined ? {} : { maxCostUsd: options.maxCostUsd }),
    batch: options.batch,
    signal: options.signal,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
