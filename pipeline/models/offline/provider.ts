/** The offline provider: the default without an API key. Deterministic, free, and marked `offline`. */
import type { ModelAnswer, ModelProvider, ModelRequest, OfflineHandler } from '../types.ts';
import { ZERO_USAGE } from '../types.ts';

export const OFFLINE_MODEL = 'offline';

export class OfflineTaskError extends Error {
  override readonly name = 'OfflineTaskError';
}

/** Creates the offline provider answering each task with its registered handler. */
export function createOfflineProvider(handlers: Readonly<Record<string, OfflineHandler>>): ModelProvider {
  return {
    name: 'offline',
    async complete(request: ModelRequest): Promise<ModelAnswer> {
      const handler = handlers[request.task];
      if (!handler) {
        throw new OfflineTaskError(`The offline model has no handler for task \`${request.task}\` (brief ${request.meta.briefId}); set ANTHROPIC_API_KEY to use Claude`);
      }
      const started = Date.now();
      const { text, json } = handler(request);
      return {
        text,
        ...(json === undefined ? {} : { json }),
        usage: ZERO_USAGE,
        stopReason: 'end_turn',
        model: OFFLINE_MODEL,
        provider: 'offline',
        latencyMs: Date.now() - started,
      };
    },
  };
}
