/**
 * Prompt-cache warm-up: the first request with a cacheable prefix goes alone; requests with the same
 * prefix wait for it, then read the prefix from the cache instead of each writing it again.
 */
import { createHash } from 'node:crypto';
import type { ModelAnswer, ModelRequest } from './types.ts';

type PrefixState =
  | { readonly kind: 'leading'; readonly done: Promise<void> }
  | { readonly kind: 'warm'; readonly until: number }
  | { readonly kind: 'uncacheable' };

export type PrefixGate = {
  /** Waits while another request is writing the same prefix; returns whether the prefix is expected from the cache. */
  enter(request: ModelRequest): Promise<boolean>;
  /** Records what the answer says about the prefix (or that the call failed); true when the prefix was first found uncacheable. */
  leave(request: ModelRequest, answer: ModelAnswer | undefined): boolean;
};

const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

/** Hash of the model and the system blocks up to the last cache breakpoint, or undefined when nothing is marked. */
export function prefixKey(request: ModelRequest): string | undefined {
  const last = request.system.findLastIndex((b) => b.cache);
  if (last < 0) return undefined;
  const hash = createHash('sha256').update(request.model);
  for (const block of request.system.slice(0, last + 1)) hash.update('\0').update(block.text);
  return hash.digest('hex');
}

/** Creates a gate; `now` is the clock for cache lifetimes. */
export function createPrefixGate(now: () => number = Date.now): PrefixGate {
  const states = new Map<string, PrefixState>();
  const releases = new Map<string, () => void>();

  return {
    async enter(request) {
      const key = prefixKey(request);
      if (!key) return false;
      for (;;) {
        const state = states.get(key);
        if (state?.kind === 'leading') {
          await state.done;
          continue;
        }
        if (state?.kind === 'warm' && state.until > now()) return true;
        if (state?.kind === 'uncacheable') return false;
        let release: () => void = () => undefined;
        const done = new Promise<void>((resolve) => {
          release = resolve;
        });
        states.set(key, { kind: 'leading', done });
        releases.set(key, release);
        return false;
      }
    },
    leave(request, answer) {
      const key = prefixKey(request);
      if (!key) return false;
      const before = states.get(key)?.kind;
      const ttl = request.system.some((b) => b.cache === '1h') ? TTL_MS['1h'] : TTL_MS['5m'];
      if (answer && answer.usage.cacheWriteTokens + answer.usage.cacheReadTokens > 0) states.set(key, { kind: 'warm', until: now() + ttl });
      else if (answer) states.set(key, { kind: 'uncacheable' });
      else if (states.get(key)?.kind === 'leading') states.delete(key);
      const release = releases.get(key);
      if (release) {
        releases.delete(key);
        release();
      }
      return before !== 'uncacheable' && states.get(key)?.kind === 'uncacheable';
    },
  };
}
