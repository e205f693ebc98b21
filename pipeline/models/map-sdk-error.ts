/** Turns an error thrown by a Stainless-generated SDK (Anthropic, OpenAI) into a typed `ProviderError`. */
import { ProviderError, type ProviderErrorKind } from './errors.ts';
import { readRateLimitHeaders } from './rate-limit-headers.ts';

/** The error classes both SDKs export under the same names. */
export type SdkErrorClasses = {
  readonly APIError: abstract new (...args: never[]) => Error;
  readonly APIConnectionError: abstract new (...args: never[]) => Error;
  readonly APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  readonly APIUserAbortError: abstract new (...args: never[]) => Error;
};

/** Reads `retry-after-ms`, then `retry-after` (seconds or an HTTP date), as the SDKs do. */
export function readRetryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers.get('retry-after');
  if (after === null) return undefined;
  const seconds = Number.parseFloat(after);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limit';
  if (status === 529) return 'overloaded';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 409 || status >= 500) return 'server';
  return 'request';
}

/** Maps an SDK error to a `ProviderError`, keeping it as `cause`; other errors pass through unchanged. */
export function mapSdkError(error: unknown, provider: string, classes: SdkErrorClasses): unknown {
  if (error instanceof classes.APIUserAbortError) {
    return new ProviderError(`${provider}: request aborted`, { kind: 'aborted', provider, retryable: false }, { cause: error });
  }
  if (error instanceof classes.APIConnectionTimeoutError) {
    return new ProviderError(`${provider}: request timed out`, { kind: 'timeout', provider, retryable: true }, { cause: error });
  }
  if (error instanceof classes.APIConnectionError) {
    return new ProviderError(`${provider}: connection error`, { kind: 'connection', provider, retryable: true }, { cause: error });
  }
  if (error instanceof classes.APIError) {
    const { status, headers } = error as Error & { status?: number; headers?: Headers };
    const code = status ?? 0;
    const kind = kindOfStatus(code);
    const shouldRetry = headers?.get('x-should-retry');
    const retryable = shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : kind === 'rate_limit' || kind === 'overloaded' || kind === 'server';
    return new ProviderError(
      `${provider}: HTTP ${code} ${error.message}`,
      {
        kind,
        provider,
        status: code,
        retryAfterMs: readRetryAfterMs(headers),
        requestId: headers?.get('request-id') ?? headers?.get('x-request-id') ?? undefined,
        retryable,
        rateLimit: headers ? readRateLimitHeaders(headers) : undefined,
      },
      { cause: error },
    );
  }
  return error;
}
