import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../../test/servers/openai-server.ts';
import { createOpenAIProvider, toChatParams } from './openai-provider.ts';
import { ProviderError } from './errors.ts';
import type { ModelRequest } from './types.ts';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: ModelRequest = {
  task: 'seo-metadata',
  model: 'llama3.1',
  system: [{ text: 'You write SEO metadata for Harbor & Pine.', cache: '5m' }],
  messages: [{ role: 'user', content: [{ type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=' }, { type: 'text', text: 'Describe the Seaside Linen Shirt.' }] }],
  schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false },
  maxTokens: 200,
  meta: { briefId: 'linen', stage: 'seo' },
};

describe('createOpenAIProvider', () => {
  it('sends a chat completion with a strict JSON schema and maps the answer', async () => {
    server = await startOpenAIServer({ script: [{ kind: 'content', content: '{"title":"Seaside Linen Shirt"}' }] });
    const provider = createOpenAIProvider({ apiKey: 'sk-local', baseURL: `${server.url}/v1` });
    const answer = await provider.complete(request);
    expect(answer).toMatchObject({ text: '{"title":"Seaside Linen Shirt"}', stopReason: 'end_turn', provider: 'openai', model: 'llama3.1' });
    expect(answer.usage.inputTokens).toBeGreaterThan(0);
    const body = server.requests[0]?.body as { messages: { role: string; content: unknown }[]; response_format: { type: string; json_schema: { strict: boolean } } };
    expect(body.messages[0]).toEqual({ role: 'system', content: 'You write SEO metadata for Harbor & Pine.' });
    expect(body.messages[1]?.content).toContainEqual({ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } });
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
    expect(body).not.toHaveProperty('temperature');
  });

  it('asks for strict mode only when every property is required', () => {
    const optional = { ...request, schema: { type: 'object', properties: { title: { type: 'string' }, alt: { type: 'string' } }, required: ['title'], additionalProperties: false } };
    const params = toChatParams(optional);
    expect(params.response_format).toMatchObject({ json_schema: { strict: false } });
    expect(toChatParams(request).response_format).toMatchObject({ json_schema: { strict: true } });
  });

  it('maps length and refusals to typed stop reasons', async () => {
    server = await startOpenAIServer({ script: [{ kind: 'content', content: '{"title":"Sea', finishReason: 'length' }, { kind: 'refusal', refusal: 'I cannot help with that.' }] });
    const provider = createOpenAIProvider({ apiKey: 'sk-local', baseURL: `${server.url}/v1` });
    expect((await provider.complete(request)).stopReason).toBe('max_tokens');
    expect(await provider.complete(request)).toMatchObject({ stopReason: 'refusal', text: '', refusalCategory: null });
  });

  it('turns HTTP errors into retryable provider errors, without SDK retries', async () => {
    server = await startOpenAIServer({ script: [{ kind: 'error', status: 429, retryAfterMs: 5 }] });
    const provider = createOpenAIProvider({ apiKey: 'sk-local', baseURL: `${server.url}/v1` });
    const error = await provider.complete(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 5, retryable: true });
    expect(server.requests).toHaveLength(1);
  });
});
