/**
 * Batch mode (`copydesk run --batch`), half price, for nightly runs:
 *
 * 1. In a batch run, `call()` looks the request up by its key (a hash of the exact Messages API body).
 *    Unknown → it is recorded and `call()` throws `BatchPendingError`; the orchestrator leaves that
 *    brief pending (it is not a failure).
 * 2. At the end of the run (or of each stage), `client.submitBatch()` sends every recorded request as one
 *    Message Batch and stores `{batchId, requests}` under `<stateDir>/batches/`. Requests that would pass the
 *    budget stay unsent (`deferredCount`).
 * 3. The next invocation calls `client.collectBatches({ wait })` first: it retrieves each stored batch,
 *    and for ended ones downloads the results into the store (`wait` polls until they end).
 * 4. The stages run again; `call()` finds the stored result for the same request key and returns it
 *    like a live answer (costed once at the batch rate, audited with its batch id). Follow-ups (a retry
 *    with more tokens, a JSON repair) are new requests and go into the next batch. Errored, expired or
 *    canceled results are dropped and the request is recorded again.
 */
import { createHash } from 'node:crypto';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { toMessageParams, toModelAnswer, type AnthropicProvider } from './anthropic-provider.ts';
import type { BatchStore, StoredBatch } from './batch-store.ts';
import type { CostLedger, Reservation } from './cost-ledger.ts';
import { BatchPendingError, BudgetExceededError, ModelCallAbortedError, ProviderError } from './errors.ts';
import { sleep } from './sleep.ts';
import type { ModelAnswer, ModelRequest } from './types.ts';

export type BatchSubmission = { readonly batchId: string; readonly requestCount: number; readonly deferredCount: number };

export type BatchCollection = {
  /** Batches whose results were downloaded now. */
  readonly collected: readonly string[];
  /** Batches still processing. */
  readonly pending: readonly string[];
};

/** A stored answer and whether this is the first time it is charged. */
export type BatchAnswer = { readonly answer: ModelAnswer; readonly batchId: string; readonly charge: boolean };

export type BatchMode = {
  /** Returns the stored answer for the request, or records it and throws `BatchPendingError`. */
  send(request: ModelRequest): Promise<BatchAnswer>;
  /** Sends the recorded requests that fit the budget; `submission` is absent when none was sent. */
  submit(): Promise<{ readonly submission?: BatchSubmission; readonly deferredCount: number }>;
  collect(options?: { readonly wait?: boolean; readonly pollMs?: number }): Promise<BatchCollection>;
  /** Requests recorded for the next batch. */
  pendingCount(): number;
};

export type BatchModeOptions = {
  readonly store: BatchStore;
  readonly provider: AnthropicProvider;
  readonly ledger: CostLedger;
  readonly runId: string;
  /** Worst-case dollars of a request at the batch rate (for the budget). */
  readonly worstCaseUsd: (request: ModelRequest) => number;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
};

/** Key of a request: sha256 of the exact Messages API body (64 hex characters, a valid `custom_id`). */
export function batchRequestKey(request: ModelRequest): string {
  return createHash('sha256').update(JSON.stringify(toMessageParams(request))).digest('hex');
}

/** Creates batch mode over a store and the Anthropic provider. */
export function createBatchMode(options: BatchModeOptions): BatchMode {
  const now = options.now ?? Date.now;
  const pending = new Map<string, ModelRequest>();

  const record = (request: ModelRequest, key: string): never => {
    pending.set(key, request);
    throw new BatchPendingError(request.meta.briefId, key);
  };

  return {
    async send(request) {
      const key = batchRequestKey(request);
      const batch = options.store.find(key);
      if (!batch) return record(request, key);
      const result = batch.results[key];
      if (!result) {
        if (batch.status === 'ended') return record(request, key);
        throw new BatchPendingError(request.meta.briefId, key, batch.batchId);
      }
      if (result.type !== 'succeeded') {
        const error = (result.error as { error?: { type?: string; message?: string } } | undefined)?.error;
        if (error?.type === 'invalid_request_error') {
          throw new ProviderError(`anthropic: batch ${batch.batchId} rejected the request: ${error.message ?? 'invalid request'}`, {
            kind: 'request',
            provider: 'anthropic',
            status: 400,
            retryable: false,
          });
        }
        const { [key]: _dropped, ...rest } = batch.results;
        await options.store.save({ ...batch, results: rest, requests: batch.requests.filter((r) => r.key !== key) });
        return record(request, key);
      }
      const charge = !batch.charged.includes(key);
      if (charge) await options.store.save({ ...batch, charged: [...batch.charged, key] });
      return { answer: toModelAnswer(result.message as Message, 0, null), batchId: batch.batchId, charge };
    },

    async submit() {
      if (pending.size === 0) return { deferredCount: 0 };
      const items: { customId: string; request: ModelRequest }[] = [];
      const reservations: Reservation[] = [];
      for (const [key, request] of pending) {
        try {
          reservations.push(options.ledger.reserve(request.meta.briefId, options.worstCaseUsd(request)));
        } catch (error) {
          // The budget is full: this request and the rest wait for a later run.
          if (error instanceof BudgetExceededError) break;
          throw error;
        }
        items.push({ customId: key, request });
      }
      const deferredCount = pending.size - items.length;
      if (items.length === 0) return { deferredCount };
      let created;
      try {
        created = await options.provider.createBatch(items);
      } catch (error) {
        for (const r of reservations) options.ledger.settle(r);
        throw error;
      }
      const stored: StoredBatch = {
        batchId: created.id,
        submittedAt: new Date(now()).toISOString(),
        run: options.runId,
        status: 'submitted',
        requests: items.map(({ customId, request }) => ({
          key: customId,
          briefId: request.meta.briefId,
          stage: request.meta.stage,
          task: request.task,
          model: request.model,
        })),
        results: {},
        charged: [],
      };
      await options.store.save(stored);
      for (const item of items) pending.delete(item.customId);
      return { submission: { batchId: created.id, requestCount: items.length, deferredCount }, deferredCount };
    },

    async collect(collectOptions = {}) {
      const collected: string[] = [];
      const waiting: string[] = [];
      for (const batch of options.store.list()) {
        if (batch.status === 'ended') continue;
        for (;;) {
          const remote = await options.provider.retrieveBatch(batch.batchId);
          if (remote.processing_status === 'ended') {
            const results = await options.provider.batchResults(batch.batchId);
            const stored: StoredBatch['results'] = {};
            for (const [key, result] of results) stored[key] = result.type === 'succeeded' ? { type: 'succeeded', message: result.message } : result.type === 'errored' ? { type: 'errored', error: result.error } : { type: result.type };
            await options.store.save({ ...batch, status: 'ended', results: stored });
            collected.push(batch.batchId);
            break;
          }
          if (!collectOptions.wait) {
            waiting.push(batch.batchId);
            break;
          }
          await sleep(collectOptions.pollMs ?? 60_000, options.signal).catch(() => {
            throw new ModelCallAbortedError(batch.requests[0]?.briefId ?? batch.batchId);
          });
        }
      }
      return { collected, pending: waiting };
    },

    pendingCount: () => pending.size,
  };
}
