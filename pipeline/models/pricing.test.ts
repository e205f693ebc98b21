import { describe, expect, it } from 'vitest';
import { costOfUsage, estimateCost, estimateTokens, findPrice, worstCaseCost } from './pricing.ts';
import type { ModelRequest } from './types.ts';

const sonnet = findPrice('claude-sonnet-5-5')!;
const million = { inputTokens: 1e6, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };

describe('pricing', () => {
  it('prices input, output, cache writes (1.25× for 5 min, 2× for 1 h), cache reads and batches', () => {
    expect(costOfUsage(million, sonnet)).toBe(2);
    expect(costOfUsage({ ...million, inputTokens: 0, outputTokens: 1e6 }, sonnet)).toBe(10);
    expect(costOfUsage({ ...million, inputTokens: 0, cacheWriteTokens: 1e6 }, sonnet, { cacheTtl: '5m' })).toBe(2.5);
    expect(costOfUsage({ ...million, inputTokens: 0, cacheWriteTokens: 1e6 }, sonnet, { cacheTtl: '1h' })).toBe(4);
    expect(costOfUsage({ ...million, inputTokens: 0, cacheReadTokens: 1e6 }, sonnet)).toBeCloseTo(0.1);
    expect(costOfUsage(million, sonnet, { batch: true })).toBe(1);
  });

  it('uses config overrides, dated model ids and Haiku long-context prices', () => {
    const custom = findPrice('claude-sonnet-5-5', { 'claude-sonnet-5-5': { input: 3, output: 15 } })!;
    expect(custom).toMatchObject({ input: 3, cacheWrite5m: 3.75, cacheWrite1h: 6 });
    expect(custom.cacheRead).toBeCloseTo(0.3);
    expect(findPrice('claude-sonnet-5-5-20261001')).toBe(sonnet);
    expect(findPrice('llama3.1')).toBeUndefined();
    const haiku = findPrice('claude-haiku-5-5')!;
    expect(costOfUsage({ ...million, inputTokens: 200_000 }, haiku)).toBeCloseTo(0.1);
  });

  it('reserves the worst case: the whole prompt at the cache-write price where marked, plus max_tokens', () => {
    const request: ModelRequest = {
      task: 't',
      model: 'claude-sonnet-5-5',
      system: [{ text: 'x'.repeat(3000), cache: '1h' }],
      messages: [{ role: 'user', content: 'y'.repeat(300) }],
      maxTokens: 1000,
      meta: { briefId: 'b', stage: 's' },
    };
    expect(estimateTokens(request)).toBe(1100);
    expect(worstCaseCost(request, sonnet)).toBeCloseTo((1000 * 4 + 100 * 2 + 1000 * 10) / 1e6);
    expect(estimateCost(request)).toBeCloseTo(worstCaseCost(request, sonnet));
    expect(estimateCost(request, { prefixCached: true })).toBeCloseTo((1000 * 0.1 + 100 * 2 + 1000 * 10) / 1e6);
    expect(estimateCost(request, { batch: true })).toBeCloseTo(worstCaseCost(request, sonnet) / 2);
    expect(estimateCost({ ...request, model: 'llama3.1' })).toBeUndefined();
  });
});
