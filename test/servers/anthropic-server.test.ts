import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicServer, type AnthropicServer } from './anthropic-server.ts';

let server: AnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const longText = 'Harbor & Pine makes linen shirts in Portland, Maine. '.repeat(60);

describe('startAnthropicServer', () => {
  it('answers messages with a schema through the real SDK and records the request', async () => {
    server = await startAnthropicServer({ script: [{ kind: 'json', value: { title: 'Seaside Linen Shirt' } }] });
    const client = new Anthropic({ apiKey: 'sk-test-secret', baseURL: server.url, maxRetries: 0 });
    const { data, response } = await client.messages
      .create({
        model: 'claude-sonnet-5-5',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'Name it.' }],
        output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false } } },
      })
      .withResponse();
    const text = data.content.find((b) => b.type === 'text');
    expect(text?.type === 'text' && JSON.parse(text.text)).toEqual({ title: 'Seaside Linen Shirt' });
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(server.requests[0]?.auth).toBe('bearer');
    expect(JSON.stringify(server.requests)).not.toContain('sk-test-secret');
  });

  it('rejects parameters the API rejects, with the API error body', async () => {
    server = await startAnthropicServer();
    const response = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-5-5', max_tokens: 10, temperature: 0.2, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('writes then reads the cached prefix, and caches nothing below the minimum', async () => {
    server = await startAnthropicServer();
    const client = new Anthropic({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    const ask = (system: string) =>
      client.messages.create({
        model: 'claude-sonnet-5-5',
        max_tokens: 50,
        system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral', ttl: '1h' } }],
        messages: [{ role: 'user', content: 'Draft.' }],
      });
    const first = await ask(longText);
    const second = await ask(longText);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(512);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    const short = await ask('Short guide.');
    expect(short.usage.cache_creation_input_tokens).toBe(0);
  });

  it('serves batches with an absolute results_url', async () => {
    server = await startAnthropicServer();
    const client = new Anthropic({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    const batch = await client.messages.batches.create({
      requests: [{ custom_id: 'a', params: { model: 'claude-sonnet-5-5', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] } }],
    });
    await new Promise((r) => setTimeout(r, 20));
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.processing_status).toBe('ended');
    expect(ended.results_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const results = [];
    for await (const line of await client.messages.batches.results(batch.id)) results.push(line);
    expect(results).toMatchObject([{ custom_id: 'a', result: { type: 'succeeded' } }]);
  });
});
