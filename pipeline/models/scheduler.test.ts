import { describe, expect, it } from 'vitest';
import { ModelCallAbortedError, ProviderError } from './errors.ts';
import { createScheduler } from './scheduler.ts';
import { ZERO_USAGE, type ModelAnswer } from './types.ts';

const answer = (requestId: string, outputTokens = 10): ModelAnswer => ({ text: 'ok', usage: { ...ZERO_USAGE, outputTokens }, stopReason: 'end_turn', model: 'm', provider: 'anthropic', requestId, latencyMs: 1 });
const demand = { briefId: 'b', inputTokens: 10, outputTokens: 100 };
const retries = { max: 2, baseMs: 1, maxMs: 2 };

describe('createScheduler', () => {
  it('adopts a lower limit and the remaining capacity the service reports', async () => {
    const scheduler = createScheduler({ concurrency: 1, rpm: 1000, windowMs: 6_000, retries, transitMs: 0 });
    scheduler.observe({ requests: { limit: 60, remaining: 0 } }, 'req_1');
    await scheduler.schedule(demand, async () => answer('req_1'));
    // After the report, no request is left this window: the next one waits for the refill (60 per 6 s window: 100 ms).
    let sent = false;
    const next = scheduler.schedule(demand, async () => {
      sent = true;
      return answer('req_2');
    });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(sent).toBe(false);
    await next;
    expect(sent).toBe(true);
  });

  it('retries retryable errors once each up to the limit, then gives up', async () => {
    const scheduler = createScheduler({ concurrency: 1, retries });
    let attempts = 0;
    const failing = scheduler.schedule(demand, async () => {
      attempts += 1;
      throw new ProviderError('overloaded', { kind: 'overloaded', provider: 'anthropic', status: 529, retryable: true });
    });
    await expect(failing).rejects.toBeInstanceOf(ProviderError);
    expect(attempts).toBe(3);
    let badRequests = 0;
    const rejected = scheduler.schedule(demand, async () => {
      badRequests += 1;
      throw new ProviderError('bad', { kind: 'request', provider: 'anthropic', status: 400, retryable: false });
    });
    await expect(rejected).rejects.toMatchObject({ status: 400 });
    expect(badRequests).toBe(1);
  });

  it('refuses new work once the signal aborts', async () => {
    const controller = new AbortController();
    const scheduler = createScheduler({ concurrency: 1, retries, signal: controller.signal });
    controller.abort();
    await expect(scheduler.schedule(demand, async () => answer('r'))).rejects.toBeInstanceOf(ModelCallAbortedError);
  });
});
