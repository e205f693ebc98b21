/**
 * The one queue for a model API: concurrency (p-queue) plus token buckets for requests, input tokens
 * and output tokens per minute, adapted to the service's rate-limit headers. Retries live here and only
 * here (the SDKs run with `maxRetries: 0`): a 429 pauses every task until its `retry-after`; 529, 5xx,
 * timeouts and connection resets back off exponentially. An aborted signal stops new sends; calls
 * already sent finish.
 */
import PQueue from 'p-queue';
import { ModelCallAbortedError, ProviderError } from './errors.ts';
import { sleep } from './sleep.ts';
import type { RateLimitDimension, RateLimitReport } from './rate-limit-headers.ts';
import { createTokenBucket, msUntilAvailable, refillBucket, refundToBucket, takeFromBucket, type TokenBucket } from './token-bucket.ts';
import type { ModelAnswer } from './types.ts';

export type SchedulerOptions = {
  readonly concurrency: number;
  /** Per-window limits (undefined: not limited). */
  readonly rpm?: number;
  readonly itpm?: number;
  readonly otpm?: number;
  /** Length of the rate-limit window in ms (default: `60000`; benchmarks compress it). */
  readonly windowMs?: number;
  readonly retries: { readonly max: number; readonly baseMs: number; readonly maxMs: number };
  /** How long a request may take to reach the service, in ms (default: `500`). */
  readonly transitMs?: number;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  /** Randomness for backoff jitter (default: `Math.random`). */
  readonly random?: () => number;
};

/** What a call is expected to take from the limits before it is sent. */
export type Demand = { readonly briefId: string; readonly inputTokens: number; readonly outputTokens: number };

export type SchedulerStats = { sent: number; retries: number; rateLimited: number; pausedMs: number };

export type Scheduler = {
  /** Runs `send` once capacity allows, retrying what may be retried. */
  schedule(demand: Demand, send: () => Promise<ModelAnswer>): Promise<ModelAnswer>;
  /** Feeds the rate-limit headers of an answer (applied after that answer settles its reservation). */
  observe(report: RateLimitReport, requestId?: string): void;
  stats(): SchedulerStats;
  /** Resolves when every scheduled call has settled. */
  onIdle(): Promise<void>;
};

/** Creates the scheduler for one model API (the first call is sent alone, to learn the limits from its headers). */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const windowMs = options.windowMs ?? 60_000;
  const transitMs = options.transitMs ?? 500;
  const queue = new PQueue({ concurrency: options.concurrency });
  const configured: Partial<Record<RateLimitDimension, number | undefined>> = { requests: options.rpm, inputTokens: options.itpm, outputTokens: options.otpm };
  const buckets: Partial<Record<RateLimitDimension, TokenBucket>> = {};
  for (const [dimension, limit] of Object.entries(configured) as [RateLimitDimension, number | undefined][]) {
    if (limit) buckets[dimension] = createTokenBucket(limit, windowMs, now());
  }
  const stats: SchedulerStats = { sent: 0, retries: 0, rateLimited: 0, pausedMs: 0 };
  let pausedUntil = 0;
  const reports = new Map<string, RateLimitReport>();
  let gate: Promise<void> = Promise.resolve();

  const amounts = (demand: Demand): [RateLimitDimension, number][] => [
    ['requests', 1],
    ['inputTokens', demand.inputTokens],
    ['outputTokens', demand.outputTokens],
  ];

  const waitForCapacity = async (demand: Demand): Promise<void> => {
    for (;;) {
      if (options.signal?.aborted) throw new ModelCallAbortedError(demand.briefId);
      const t = now();
      let wait = pausedUntil - t;
      if (wait <= 0) {
        for (const [dimension, amount] of amounts(demand)) {
          const bucket = buckets[dimension];
          if (bucket) wait = Math.max(wait, msUntilAvailable(bucket, amount, t));
        }
      }
      if (wait <= 0) {
        for (const [dimension, amount] of amounts(demand)) {
          const bucket = buckets[dimension];
          if (!bucket) continue;
          // A full bucket at the service stays full (its refill wasted) until this request reaches it.
          const full = bucket.level >= bucket.capacity;
          takeFromBucket(bucket, amount, t);
          if (full) bucket.updatedAt = t + transitMs;
        }
        return;
      }
      await sleep(Math.max(1, wait), options.signal).catch(() => {
        throw new ModelCallAbortedError(demand.briefId);
      });
    }
  };

  /** Takes capacity in arrival order, so a large request is not starved by small ones. */
  const acquire = (demand: Demand): Promise<void> => {
    const turn = gate.then(() => waitForCapacity(demand));
    gate = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  };

  const refund = (dimension: RateLimitDimension, amount: number): void => {
    const bucket = buckets[dimension];
    if (bucket && amount !== 0) refundToBucket(bucket, amount, now());
  };

  /** Adopts the service's view: a lower limit than configured, and never more remaining than it reports. */
  const applyReport = (requestId: string | undefined, given?: RateLimitReport): void => {
    const report = given ?? (requestId ? reports.get(requestId) : undefined);
    if (requestId) reports.delete(requestId);
    if (!report) return;
    const t = now();
    for (const [dimension, reading] of Object.entries(report) as [RateLimitDimension, { limit?: number; remaining?: number }][]) {
      let bucket = buckets[dimension];
      if (reading.limit !== undefined) {
        const limit = Math.min(configured[dimension] ?? Infinity, reading.limit);
        if (!bucket) bucket = buckets[dimension] = createTokenBucket(limit, windowMs, t);
        refillBucket(bucket, t);
        bucket.limit = limit;
        bucket.capacity = limit;
        bucket.level = Math.min(bucket.level, limit);
      }
      if (bucket && reading.remaining !== undefined) {
        refillBucket(bucket, t);
        bucket.level = Math.min(bucket.level, reading.remaining);
      }
    }
  };

  const backoffMs = (attempt: number): number => {
    const base = Math.min(options.retries.maxMs, options.retries.baseMs * 2 ** attempt);
    return base * (1 - 0.25 * random());
  };

  /**
   * The first call goes alone: its answer's headers tell the real limits, which may be lower than
   * configured, before a burst is sent on the configured ones.
   */
  let probe: Promise<unknown> | undefined;
  const run = async (demand: Demand, send: () => Promise<ModelAnswer>): Promise<ModelAnswer> => {
    if (probe) await probe;
    else {
      const first = sendWithRetries(demand, send);
      probe = first.catch(() => undefined);
      return first;
    }
    return sendWithRetries(demand, send);
  };

  const sendWithRetries = async (demand: Demand, send: () => Promise<ModelAnswer>): Promise<ModelAnswer> => {
    for (let attempt = 0; ; attempt += 1) {
      await acquire(demand);
      stats.sent += 1;
      try {
        const answer = await send();
        // Settle the reservation with what the service counted (cache reads do not count toward input limits).
        refund('inputTokens', demand.inputTokens - (answer.usage.inputTokens + answer.usage.cacheWriteTokens));
        refund('outputTokens', demand.outputTokens - answer.usage.outputTokens);
        if (answer.requestId) applyReport(answer.requestId);
        return answer;
      } catch (error) {
        if (!(error instanceof ProviderError) || !error.retryable || attempt >= options.retries.max) throw error;
        if (options.signal?.aborted) throw new ModelCallAbortedError(demand.briefId);
        stats.retries += 1;
        if (error.kind === 'rate_limit') {
          // The service did not count a rejected request; every task waits until it says so.
          stats.rateLimited += 1;
          for (const [dimension, amount] of amounts(demand)) refund(dimension, amount);
          if (error.rateLimit) applyReport(undefined, error.rateLimit);
          const until = now() + (error.retryAfterMs ?? backoffMs(attempt));
          if (until > pausedUntil) {
            stats.pausedMs += until - Math.max(pausedUntil, now());
            pausedUntil = until;
          }
        } else {
          refund('outputTokens', demand.outputTokens);
          await sleep(error.retryAfterMs ?? backoffMs(attempt), options.signal).catch(() => {
            throw new ModelCallAbortedError(demand.briefId);
          });
        }
      }
    }
  };

  return {
    schedule(demand, send) {
      if (options.signal?.aborted) return Promise.reject(new ModelCallAbortedError(demand.briefId));
      return queue.add(() => run(demand, send));
    },
    observe(report, requestId) {
      // Applied once that answer's own reservation is settled: the service's `remaining` already counts it.
      if (requestId) reports.set(requestId, report);
      else applyReport(undefined, report);
    },
    stats: () => ({ ...stats }),
    onIdle: () => queue.onIdle(),
  };
}
