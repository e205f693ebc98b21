import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicServer, type AnthropicServer } from '../../test/servers/anthropic-server.ts';
import { createAnthropicProvider } from './anthropic-provider.ts';
import { ProviderError } from './errors.ts';
import type { RateLimitReport } from './rate-limit-headers.ts';
import type { ModelRequest } from './types.ts';

let server: AnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
const request: ModelRequest = {
  task: 'draft-product',
  model: 'claude-sonnet-5-5',
  system: [{ text: 'Brand voice guide.', cache: '5m' }, { text: 'Task instructions.' }],
  messages: [{ role: 'user', content: [{ type: 'image', mediaType: 'image/png', data: PNG, source: 'images/ls-001.png' }, { type: 'text', text: 'Describe the Seaside Linen Shirt.' }] }],
  maxTokens: 300,
  meta: { briefId: 'ls-001', stage: 'draft' },
};

describe('createAnthropicProvider', () => {
  it('sends images as base64 blocks, marks the cache breakpoint and finds the text after a thinking block', async () => {
    server = await startAnthropicServer({ limits: { rpm: 50 }, script: [{ kind: 'text', text: 'A breathable linen shirt.', thinking: true }] });
    const reports: RateLimitReport[] = [];
    const provider = createAnthropicProvider({ apiKey: 'k', baseURL: server.url, onRateLimit: (r) => reports.push(r) });
    const answer = await provider.complete(request);
    expect(answer.text).toBe('A breathable linen shirt.');
    expect(answer.stopReason).toBe('end_turn');
    const body = server.messageRequests()[0]?.body as { system: unknown[]; messages: { content: unknown[] }[] };
    expect(body.system).toEqual([
      { type: 'text', text: 'Brand voice guide.', cache_control: { type: 'ephemeral', ttl: '5m' } },
      { type: 'text', text: 'Task instructions.' },
    ]);
    expect(body.messages[0]?.content[0]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } });
    expect(reports[0]?.requests).toMatchObject({ limit: 50, remaining: 49 });
  });

  it('counts tokens with the count_tokens endpoint', async () => {
    server = await startAnthropicServer();
    const provider = createAnthropicProvider({ apiKey: 'k', baseURL: server.url });
    expect(await provider.countTokens(request)).toBeGreaterThan(0);
    expect(server.requests[0]?.path).toBe('/v1/messages/count_tokens');
    expect(server.requests[0]?.body).not.toHaveProperty('max_tokens');
  });

  it('maps API errors to typed provider errors with the request id and retry-after', async () => {
    server = await startAnthropicServer({ script: [{ kind: 'error', status: 529, retryAfterSeconds: 2 }, { kind: 'error', status: 400, message: 'bad' }] });
    const provider = createAnthropicProvider({ apiKey: 'k', baseURL: server.url });
    await expect(provider.complete(request)).rejects.toMatchObject({ kind: 'overloaded', status: 529, retryAfterMs: 2000, retryable: true, requestId: expect.stringMatching(/^req_/) as string });
    const error = await provider.complete(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'request', retryable: false });
  });
});
