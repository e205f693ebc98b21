/** Reads the `anthropic-ratelimit-*` response headers (and the `x-ratelimit-*` ones OpenAI-style servers send). */

export type RateLimitDimension = 'requests' | 'inputTokens' | 'outputTokens';

export type RateLimitReading = { readonly limit?: number; readonly remaining?: number; readonly resetAt?: number };

export type RateLimitReport = Partial<Record<RateLimitDimension, RateLimitReading>>;

const ANTHROPIC_NAMES: Readonly<Record<RateLimitDimension, string>> = {
  requests: 'anthropic-ratelimit-requests',
  inputTokens: 'anthropic-ratelimit-input-tokens',
  outputTokens: 'anthropic-ratelimit-output-tokens',
};

function readNumber(headers: Headers, name: string): number | undefined {
  const value = Number.parseFloat(headers.get(name) ?? '');
  return Number.isFinite(value) ? value : undefined;
}

/** Parses the rate-limit headers; dimensions the service did not report are absent. */
export function readRateLimitHeaders(headers: Headers): RateLimitReport {
  const report: Partial<Record<RateLimitDimension, RateLimitReading>> = {};
  for (const [dimension, prefix] of Object.entries(ANTHROPIC_NAMES) as [RateLimitDimension, string][]) {
    const limit = readNumber(headers, `${prefix}-limit`);
    const remaining = readNumber(headers, `${prefix}-remaining`);
    if (limit === undefined && remaining === undefined) continue;
    const reset = Date.parse(headers.get(`${prefix}-reset`) ?? '');
    report[dimension] = {
      ...(limit === undefined ? {} : { limit }),
      ...(remaining === undefined ? {} : { remaining }),
      ...(Number.isNaN(reset) ? {} : { resetAt: reset }),
    };
  }
  const requests = readNumber(headers, 'x-ratelimit-remaining-requests');
  if (!report.requests && requests !== undefined) {
    const limit = readNumber(headers, 'x-ratelimit-limit-requests');
    report.requests = { remaining: requests, ...(limit === undefined ? {} : { limit }) };
  }
  return report;
}
