import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicServer, type AnthropicServer, type AnthropicServerOptions } from '../../test/servers/anthropic-server.ts';
import { startOpenAIServer } from '../../test/servers/openai-server.ts';
import type { Prompt, PromptSet } from '../prompts/load-prompts.ts';
import { modelsConfigSchema } from './config.ts';
import { createModelClient, type ModelClientOptions } from './create-model-client.ts';
import { BatchPendingError, BudgetExceededError, ModelAnswerError, ModelCallAbortedError } from './errors.ts';
import { findPrice, worstCaseCost } from './pricing.ts';
import { ZERO_USAGE, type JsonSchema, type ModelProvider, type ModelRequest } from './types.ts';

const SECRET = 'sk-ant-test-secret-0123456789';
const VOICE = 'Harbor & Pine writes warm, plain-spoken, practical copy with short sentences and no hype. '.repeat(40);
const SCHEMA: JsonSchema = {
  type: 'object',
  properties: { title: { type: 'string', maxLength: 40 }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['title', 'tags'],
  additionalProperties: false,
};

let server: AnthropicServer | undefined;
let stateDir = '';
beforeEach(() => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'copydesk-models-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(stateDir, { recursive: true, force: true });
});

function request(briefId: string, overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    task: 'draft-article',
    model: 'claude-sonnet-5-5',
    system: [{ text: VOICE, cache: '1h' }],
    messages: [{ role: 'user', content: `Write the draft for brief ${briefId}.` }],
    schema: SCHEMA,
    maxTokens: 400,
    meta: { briefId, stage: 'draft', promptFile: 'prompts/draft-article.md', promptHash: 'abc123' },
    ...overrides,
  };
}

function promptsWith(settings: Partial<Prompt>): PromptSet {
  const prompt: Prompt = { task: 'draft-article', file: 'prompts/draft-article.md', hash: 'abc123', model: 'claude-sonnet-5-5', provider: undefined, maxTokens: 400, retryMaxTokens: undefined, cacheTtl: '1h', template: '', ...settings };
  return { load: () => prompt, text: () => ({ text: '', hash: '' }) };
}

async function setup(serverOptions: AnthropicServerOptions = {}, clientOptions: Partial<ModelClientOptions> = {}, config: Record<string, unknown> = {}) {
  server = await startAnthropicServer({ apiKey: SECRET, ...serverOptions });
  const client = createModelClient({
    config: modelsConfigSchema.parse({ retries: { base_ms: 1, max_ms: 10 }, limits: { rpm: 10_000, itpm: 10_000_000, otpm: 10_000_000 }, ...config }),
    env: { ANTHROPIC_API_KEY: SECRET, ANTHROPIC_BASE_URL: server.url },
    runId: 'run-test',
    stateDir,
    ...clientOptions,
  });
  return { server, client };
}

/** Every message request the server saw was one the API accepts. */
function expectOnlyAcceptedParameters(s: AnthropicServer): void {
  for (const r of s.messageRequests()) {
    const body = r.body as Record<string, unknown> & { messages: { role: string }[] };
    for (const rejected of ['temperature', 'top_p', 'top_k']) expect(body).not.toHaveProperty(rejected);
    expect(body.messages.at(-1)?.role).toBe('user');
    expect(['any', 'tool']).not.toContain((body['tool_choice'] as { type?: string } | undefined)?.type);
    expect(r.rejected === undefined || r.status !== 400).toBe(true);
  }
}

function readAudit(): Record<string, unknown>[] {
  return readFileSync(path.join(stateDir, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createModelClient with the Anthropic provider', () => {
  it('returns a validated structured answer and sends the schema through output_config', async () => {
    const { server: s, client } = await setup({ script: [{ kind: 'json', value: { title: 'Seaside Linen Shirt', tags: ['linen'] } }] });
    const answer = await client.call(request('linen'));
    await client.close();
    expect(answer.json).toEqual({ title: 'Seaside Linen Shirt', tags: ['linen'] });
    expect(answer.provider).toBe('anthropic');
    expect(answer.requestId).toMatch(/^req_/);
    const body = s.messageRequests()[0]?.body as { output_config: { format: { schema: { properties: { title: Record<string, unknown> } } } }; system: unknown[] };
    expect(body.output_config.format.schema.properties.title).not.toHaveProperty('maxLength');
    expect(body.output_config.format.schema.properties.title['description']).toContain('maxLength');
    expect(body.system[0]).toMatchObject({ cache_control: { type: 'ephemeral', ttl: '1h' } });
    expect(s.messageRequests()[0]?.auth).toBe('bearer');
    expectOnlyAcceptedParameters(s);
  });

  it('reads the stable prefix from the cache after the first brief and reports the hit rate', async () => {
    const { server: s, client } = await setup({ latency: { baseMs: 20 } }, {}, { limits: { concurrency: 4 } });
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => client.call(request(id))));
    await client.close();
    expect(answers.filter((a) => a.usage.cacheWriteTokens > 0)).toHaveLength(1);
    expect(answers.filter((a) => a.usage.cacheReadTokens > 0)).toHaveLength(4);
    const usage = client.usage();
    expect(client.cacheHitRate()).toBeCloseTo(usage.cacheReadTokens / (usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens));
    expect(client.cacheHitRate()).toBeGreaterThan(0.7);
    expect(s.messageRequests()).toHaveLength(5);
  });

  it('pauses every task on a 429 until retry-after, sending nothing early', async () => {
    const { server: s, client } = await setup({ latency: { baseMs: 80 } }, {}, { limits: { concurrency: 3 } });
    await client.call(request('warm-up', { system: [] }));
    s.push({ kind: 'error', status: 429, retryAfterMs: 250 });
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => client.call(request(id, { system: [] }))));
    await client.close();
    expect(answers).toHaveLength(6);
    const received = s.messageRequests().slice(1);
    expect(received.map((r) => r.status)).toEqual([429, 200, 200, 200, 200, 200, 200]);
    // The first three were sent together before the 429 came back; everything after waits for retry-after.
    const resumeAt = (received[0]?.respondedAt ?? 0) + 250;
    for (const r of received.slice(3)) expect(r.receivedAt).toBeGreaterThanOrEqual(resumeAt - 5);
    expect(client.schedulerStats().rateLimited).toBe(1);
  });

  it('adopts the lower limits the API reports in its headers', async () => {
    // A "minute" of 100 ms on both sides; the API allows 8,000 output tokens a minute, the config says 90,000.
    const { server: s, client } = await setup({ limits: { otpm: 8000 }, timeCompression: 600 }, { windowMs: 100 }, { limits: { concurrency: 8 } });
    // Sent together under the configured limit, these would meet 429s; the first goes alone, and its headers pace the rest.
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => client.call(request(id, { system: [], maxTokens: 5000 }))));
    await client.close();
    expect(answers).toHaveLength(6);
    expect(s.messageRequests().filter((r) => r.status === 429)).toEqual([]);
    expect(client.schedulerStats().rateLimited).toBe(0);
  });

  it('survives 529, 500 and connection resets', async () => {
    const { server: s, client } = await setup({
      script: [{ kind: 'error', status: 529 }, { kind: 'error', status: 500 }, { kind: 'reset' }, { kind: 'json', value: { title: 'Harbor Chore Jacket', tags: [] } }],
    });
    const answer = await client.call(request('jacket'));
    await client.close();
    expect(answer.json).toEqual({ title: 'Harbor Chore Jacket', tags: [] });
    expect(s.stats()).toMatchObject({ serverErrors: 2, resets: 1, answered: 1 });
    expect(client.schedulerStats().retries).toBe(3);
  });

  it('returns a refusal typed by its stop reason and category, with no text', async () => {
    const { client } = await setup({ script: [{ kind: 'refusal', category: 'cyber' }] });
    const answer = await client.call(request('refused'));
    await client.close();
    expect(answer).toMatchObject({ stopReason: 'refusal', refusalCategory: 'cyber', text: '' });
    expect(answer.json).toBeUndefined();
  });

  it('retries a truncated answer once with retry_max_tokens', async () => {
    const { server: s, client } = await setup({ script: [{ kind: 'max_tokens' }, { kind: 'json', value: { title: 'Pine Ridge Merino Crew', tags: [] } }] }, { prompts: promptsWith({ retryMaxTokens: 1600 }) });
    const answer = await client.call(request('merino'));
    await client.close();
    expect(answer.json).toEqual({ title: 'Pine Ridge Merino Crew', tags: [] });
    expect(s.messageRequests().map((r) => (r.body as { max_tokens: number }).max_tokens)).toEqual([400, 1600]);
    expect(readAudit().map((l) => l['purpose'])).toEqual(['call', 'retry-max-tokens']);
  });

  it('returns a typed truncation when no larger budget is configured', async () => {
    const { server: s, client } = await setup({ script: [{ kind: 'max_tokens' }] }, { prompts: promptsWith({}) });
    const answer = await client.call(request('long'));
    await client.close();
    expect(answer.stopReason).toBe('max_tokens');
    expect(answer.json).toBeUndefined();
    expect(s.messageRequests()).toHaveLength(1);
  });

  it('repairs malformed JSON once, then fails with a located message', async () => {
    const { server: s, client } = await setup({
      script: [
        { kind: 'raw-text', text: '{"title": "Seaside' },
        { kind: 'json', value: { title: 'Seaside Linen Shirt', tags: [] } },
        { kind: 'raw-text', text: 'not json' },
        { kind: 'json', value: { title: 'A title far longer than the forty characters the schema allows', tags: [] } },
      ],
    });
    const repaired = await client.call(request('repaired'));
    expect(repaired.json).toEqual({ title: 'Seaside Linen Shirt', tags: [] });
    const repairBody = s.messageRequests()[1]?.body as { messages: { role: string; content: unknown }[] };
    expect(repairBody.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const failure = await client.call(request('broken')).catch((error: unknown) => error);
    await client.close();
    expect(failure).toBeInstanceOf(ModelAnswerError);
    expect((failure as ModelAnswerError).located).toMatchObject({ file: 'prompts/draft-article.md', rule: 'model/invalid-answer', severity: 'error' });
    expect((failure as ModelAnswerError).located.message).toContain('broken');
    expectOnlyAcceptedParameters(s);
  });

  it('stops exactly at the budget: calls whose worst case does not fit are never sent', async () => {
    const worst = worstCaseCost(request('x'), findPrice('claude-sonnet-5-5')!);
    const { server: s, client } = await setup({ latency: { baseMs: 30 } }, { maxCostUsd: worst * 2 }, { limits: { concurrency: 8 } });
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => client.call(request(id))));
    await client.close();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const error = (results[2] as PromiseRejectedResult).reason as BudgetExceededError;
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error.briefId).toBe('c');
    expect(s.messageRequests()).toHaveLength(2);
    expect(client.costUsd()).toBeLessThanOrEqual(worst * 2);
    expect(client.costUsd()).toBeGreaterThan(0);
    expect(client.budgetExceeded()).toBe(true);
    expect(client.isDeferral(error)).toBe(true);
  });

  it('writes one audit line per call with tokens, cost and hashes, and no secrets', async () => {
    const { client } = await setup();
    await client.call(request('audited'));
    await client.close();
    const [line] = readAudit();
    expect(line).toMatchObject({ run: 'run-test', brief: 'audited', stage: 'draft', provider: 'anthropic', model: 'claude-sonnet-5-5', prompt_file: 'prompts/draft-article.md', prompt_hash: 'abc123', stop_reason: 'end_turn' });
    expect(line?.['request_id']).toMatch(/^req_/);
    expect(line?.['answer_hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(line?.['cost_usd']).toBeGreaterThan(0);
    expect(line).not.toHaveProperty('prompt');
    const text = readFileSync(path.join(stateDir, 'audit.jsonl'), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Harbor & Pine writes');
  });

  it('stops sending new calls once the signal aborts, letting in-flight calls finish', async () => {
    const controller = new AbortController();
    const { server: s, client } = await setup({ latency: { baseMs: 80 } }, { signal: controller.signal }, { limits: { concurrency: 1 } });
    const calls = ['a', 'b', 'c'].map((id) => client.call(request(id, { system: [] })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const results = await Promise.allSettled(calls);
    await client.close();
    expect(results[0]?.status).toBe('fulfilled');
    expect(results.slice(1).every((r) => r.status === 'rejected' && r.reason instanceof ModelCallAbortedError)).toBe(true);
    expect(s.messageRequests()).toHaveLength(1);
    await expect(client.call(request('d'))).rejects.toBeInstanceOf(ModelCallAbortedError);
  });

  it('submits a batch in one invocation and answers from it in the next, at half price', async () => {
    const { server: s, client: first } = await setup({}, { batch: true });
    const pending = await first.call(request('nightly')).catch((error: unknown) => error);
    expect(pending).toBeInstanceOf(BatchPendingError);
    expect(first.isDeferral(pending)).toBe(true);
    const submission = await first.submitBatch();
    await first.close();
    expect(submission).toMatchObject({ requestCount: 1, deferredCount: 0 });
    expect(readdirSync(path.join(stateDir, 'batches'))).toEqual([`${submission?.batchId}.json`]);
    expect(s.messageRequests()).toHaveLength(0);

    const second = createModelClient({
      config: modelsConfigSchema.parse({}),
      env: { ANTHROPIC_API_KEY: SECRET, ANTHROPIC_BASE_URL: s.url },
      runId: 'run-next',
      stateDir,
      batch: true,
    });
    const collected = await second.collectBatches({ wait: true, pollMs: 5 });
    expect(collected.collected).toEqual([submission?.batchId]);
    const answer = await second.call(request('nightly'));
    await second.close();
    expect(answer.json).toMatchObject({ title: expect.any(String) as string });
    const price = findPrice('claude-sonnet-5-5')!;
    const full = (answer.usage.inputTokens * price.input + answer.usage.cacheWriteTokens * price.cacheWrite1h + answer.usage.outputTokens * price.output) / 1e6;
    expect(second.costUsd()).toBeCloseTo(full / 2, 10);
    const line = readAudit().at(-1);
    expect(line).toMatchObject({ run: 'run-next', batch_id: submission?.batchId });
    expect(s.messageRequests()).toHaveLength(0);
  });
});

describe('createModelClient batch failures', () => {
  it('records a request again when its batch result errored', async () => {
    const { server: s, client: first } = await setup({ script: [{ kind: 'error', status: 500 }] }, { batch: true });
    await expect(first.call(request('flaky'))).rejects.toBeInstanceOf(BatchPendingError);
    const submitted = await first.submitBatch();
    await first.close();
    const second = createModelClient({ config: modelsConfigSchema.parse({}), env: { ANTHROPIC_API_KEY: SECRET, ANTHROPIC_BASE_URL: s.url }, runId: 'run-2', stateDir, batch: true });
    await second.collectBatches({ wait: true, pollMs: 5 });
    const again = await second.call(request('flaky')).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(BatchPendingError);
    expect((again as BatchPendingError).batchId).toBeUndefined();
    const resubmitted = await second.submitBatch();
    await second.close();
    expect(resubmitted?.batchId).not.toBe(submitted?.batchId);
    expect(resubmitted?.requestCount).toBe(1);
  });
});

describe('createModelClient batch budget', () => {
  it('sends only the recorded requests that fit the budget and reports the rest as deferred', async () => {
    const worst = worstCaseCost(request('x'), findPrice('claude-sonnet-5-5')!, { batch: true });
    const { server: s, client } = await setup({}, { batch: true, maxCostUsd: worst * 1.5 });
    for (const id of ['a', 'b']) await expect(client.call(request(id))).rejects.toBeInstanceOf(BatchPendingError);
    const submission = await client.submitBatch();
    expect(submission).toMatchObject({ requestCount: 1, deferredCount: 1 });
    expect(client.budgetExceeded()).toBe(true);
    const batch = [...s.batches.values()][0];
    expect(batch?.requests).toHaveLength(1);
    expect(await client.submitBatch()).toBeUndefined();
    await client.close();
  });
});

describe('createModelClient estimates and debugging', () => {
  it('estimates with count_tokens when a key is set, locally otherwise, priced at the model', async () => {
    const { server: s, client } = await setup();
    const counted = await client.estimate(request('plan'));
    expect(counted.source).toBe('count_tokens');
    expect(s.requests.at(-1)?.path).toBe('/v1/messages/count_tokens');
    const local = await createModelClient({ config: modelsConfigSchema.parse({}), env: {}, runId: 'r', stateDir }).estimate(request('plan'));
    expect(local.source).toBe('local');
    expect(local.inputTokens).toBeGreaterThanOrEqual(counted.inputTokens);
    expect(local.worstCaseUsd).toBeGreaterThan(local.cachedUsd);
    expect(local.cachedUsd).toBeGreaterThan(0);
    expect(s.messageRequests()).toHaveLength(0);
  });

  it('warns once when a marked prefix is too short to be cached', async () => {
    const warnings: string[] = [];
    const { client } = await setup({}, { logger: { warn: (m) => warnings.push(m) } });
    const short = (id: string) => request(id, { system: [{ text: 'A short guide.', cache: '5m' }] });
    await client.call(short('a'));
    await client.call(short('b'));
    await client.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('draft-article');
  });

  it('writes the prompt into the audit log only with the debug flag', async () => {
    const { client } = await setup({}, { debugPrompts: true });
    await client.call(request('debugged'));
    await client.close();
    expect(readAudit()[0]?.['prompt']).toMatchObject({ system: [{ text: VOICE, cache: '1h' }] });
  });
});

describe('createModelClient routing', () => {
  it('sends a task whose prompt says `provider: openai` to the OpenAI-compatible endpoint', async () => {
    const openai = await startOpenAIServer();
    try {
      const client = createModelClient({
        config: modelsConfigSchema.parse({ openai: { base_url: `${openai.url}/v1` } }),
        env: { ANTHROPIC_API_KEY: SECRET },
        prompts: promptsWith({ provider: 'openai', model: 'llama3.1' }),
        runId: 'r',
        stateDir,
      });
      const answer = await client.call(request('routed', { model: 'llama3.1' }));
      await client.close();
      expect(answer).toMatchObject({ provider: 'openai', json: { title: 'Sample title', tags: ['Sample tags'] } });
      expect(openai.requests).toHaveLength(1);
      expect(client.costUsd()).toBe(0);
      expect(readAudit()[0]).toMatchObject({ provider: 'openai', model: 'llama3.1' });
    } finally {
      await openai.close();
    }
  });
});

describe('createModelClient without a key', () => {
  it('routes every task to the offline provider at zero cost', async () => {
    const offline: ModelProvider = {
      name: 'offline',
      complete: async (r) => ({ text: JSON.stringify({ title: `Offline ${r.meta.briefId}`, tags: [] }), usage: ZERO_USAGE, stopReason: 'end_turn', model: 'offline', provider: 'offline', latencyMs: 0 }),
    };
    const client = createModelClient({ config: modelsConfigSchema.parse({}), env: {}, providers: { offline }, runId: 'r', stateDir, maxCostUsd: 0.000001 });
    const answer = await client.call(request('quiet'));
    await client.close();
    expect(answer.json).toEqual({ title: 'Offline quiet', tags: [] });
    expect(client.providerName).toBe('offline');
    expect(client.costUsd()).toBe(0);
    expect(client.cacheHitRate()).toBeNull();
    expect(client.calls()).toBe(1);
  });
});
