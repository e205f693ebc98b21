/** The model side of one run: which provider answers, and what the calls cost. */
import type { Config } from './config/schema.ts';
import type { ModelCall } from './document.ts';
import { offlineDraft } from './models/offline/draft.ts';
import { SEO_TASK } from './seo/seo-stage.ts';
import { offlineSeoMetadata } from './seo/index.ts';
import { REWRITE_TASK, offlineVoiceRewrite } from './voice/index.ts';
import { createOfflineProvider } from './models/offline/provider.ts';
import type { OfflineHandler, Usage } from './models/types.ts';
import { ZERO_USAGE, addUsage } from './models/types.ts';

export type ModelSession = {
  readonly providerName: string;
  readonly call: ModelCall;
  calls(): number;
  usage(): Usage;
  costUsd(): number;
  cacheHitRate(): number | null;
  budgetExceeded(): boolean;
  /** Whether an error means "try this brief again next run" (budget, batch pending). */
  isDeferral(error: unknown): boolean;
};

export type ModelSessionOptions = {
  readonly config: Config;
  readonly env: NodeJS.ProcessEnv;
  readonly runId: string;
  readonly stateDir: string;
  readonly maxCostUsd: number | undefined;
  readonly signal: AbortSignal;
  readonly now: () => Date;
};

/** Offline handlers of every task the stages ask for. */
export const OFFLINE_HANDLERS: Readonly<Record<string, OfflineHandler>> = {
  'draft-article': offlineDraft,
  'draft-product': offlineDraft,
  [REWRITE_TASK]: offlineVoiceRewrite,
  [SEO_TASK]: offlineSeoMetadata,
};

/** Creates the session: the offline model when no ANTHROPIC_API_KEY is set. */
export function createModelSession(options: ModelSessionOptions): ModelSession {
  const provider = createOfflineProvider(OFFLINE_HANDLERS);
  let usage = ZERO_USAGE;
  let calls = 0;
  return {
    providerName: provider.name,
    async call(request) {
      options.signal.throwIfAborted();
      const answer = await provider.complete(request, options.signal);
      calls += 1;
      usage = addUsage(usage, answer.usage);
      return answer;
    },
    calls: () => calls,
    usage: () => usage,
    costUsd: () => 0,
    cacheHitRate: () => null,
    budgetExceeded: () => false,
    isDeferral: () => false,
  };
}

/** Name of the provider a run would use with this environment. */
export function providerNameFor(env: NodeJS.ProcessEnv): string {
  return env.ANTHROPIC_API_KEY ? 'anthropic' : 'offline';
}
