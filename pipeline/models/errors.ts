/** Errors the model client throws; the orchestrator maps them to exit codes in one place. */
import type { LocatedMessage } from '../messages.ts';
import type { RateLimitReport } from './rate-limit-headers.ts';

export type ProviderErrorKind = 'rate_limit' | 'overloaded' | 'server' | 'connection' | 'timeout' | 'auth' | 'request' | 'aborted';

/** A provider call failed; `retryable` says whether the scheduler may send it again. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly status: number | undefined;
  /** Delay the service asked for (`retry-after-ms` or `retry-after`), in ms. */
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  /** The rate-limit headers of the error response, when it had any. */
  readonly rateLimit: RateLimitReport | undefined;

  constructor(
    message: string,
    details: {
      kind: ProviderErrorKind;
      provider: string;
      status?: number | undefined;
      retryAfterMs?: number | undefined;
      requestId?: string | undefined;
      retryable: boolean;
      rateLimit?: RateLimitReport | undefined;
    },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.kind = details.kind;
    this.provider = details.provider;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.requestId = details.requestId;
    this.retryable = details.retryable;
    this.rateLimit = details.rateLimit;
  }
}

/** The call would take the run past its budget; it was not sent (exit code 4, defer the remaining briefs). */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError';
  constructor(
    readonly briefId: string,
    readonly maxCostUsd: number,
    readonly spentUsd: number,
    readonly reservedUsd: number,
    readonly callWorstCaseUsd: number,
  ) {
    super(
      `Budget of $${maxCostUsd.toFixed(4)} reached for brief \`${briefId}\`: spent $${spentUsd.toFixed(4)}, ` +
        `reserved $${reservedUsd.toFixed(4)}, this call could cost $${callWorstCaseUsd.toFixed(4)}`,
    );
  }
}

/** Batch mode: the request was recorded for the next Message Batch (or is in one that has not ended). */
export class BatchPendingError extends Error {
  override readonly name = 'BatchPendingError';
  constructor(
    readonly briefId: string,
    readonly requestKey: string,
    /** Id of the submitted batch holding the request, when it was already sent. */
    readonly batchId?: string,
  ) {
    super(
      batchId
        ? `Brief \`${briefId}\` waits for batch ${batchId}`
        : `Brief \`${briefId}\`: request recorded for the next batch`,
    );
  }
}

/** The model's answer could not be used (invalid JSON or schema mismatch after the repair attempt). */
export class ModelAnswerError extends Error {
  override readonly name = 'ModelAnswerError';
  constructor(readonly located: LocatedMessage, options?: ErrorOptions) {
    super(located.message, options);
  }
}

/** No provider or price for what a request needs, or a missing credential. */
export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
}

/** The run was interrupted (SIGINT): no new model calls are sent. */
export class ModelCallAbortedError extends Error {
  override readonly name = 'ModelCallAbortedError';
  constructor(readonly briefId: string) {
    super(`Model call for brief \`${briefId}\` not sent: the run was interrupted`);
  }
}
