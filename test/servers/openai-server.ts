/**
 * A tiny local server on 127.0.0.1 that speaks OpenAI's `POST /v1/chat/completions` (as Ollama, vLLM and
 * other compatible endpoints do), for tests driven by the real `openai` SDK with `baseURL: server.url + '/v1'`.
 * Answers come from `script` in order, then JSON sampled from `response_format.json_schema.schema`, then a
 * short text. Requests are recorded with the `authorization` header redacted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleFromSchema } from './anthropic-server.ts';

export type OpenAIScripted =
  | { readonly kind: 'content'; readonly content: string; readonly finishReason?: 'stop' | 'length' | 'content_filter' }
  | { readonly kind: 'refusal'; readonly refusal: string }
  | { readonly kind: 'error'; readonly status: number; readonly message?: string; readonly retryAfterMs?: number };

export type OpenAIServerRequest = { readonly path: string; readonly body: Record<string, unknown>; readonly auth: boolean; readonly receivedAt: number };

export type OpenAIServer = {
  readonly url: string;
  readonly requests: OpenAIServerRequest[];
  push(...responses: OpenAIScripted[]): void;
  close(): Promise<void>;
};

/** Starts the server on an ephemeral port. */
export async function startOpenAIServer(options: { readonly script?: readonly OpenAIScripted[] } = {}): Promise<OpenAIServer> {
  const script = [...(options.script ?? [])];
  const requests: OpenAIServerRequest[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const auth = Boolean(req.headers.authorization?.startsWith('Bearer '));
      requests.push({ path: req.url ?? '/', body, auth, receivedAt: Date.now() });
      const id = `chatcmpl-${next++}`;
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': id, ...headers });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(404, { error: { message: 'Not found', type: 'invalid_request_error' } });
      if (!auth) return send(401, { error: { message: 'Missing API key', type: 'invalid_request_error', code: 'invalid_api_key' } });
      const format = body['response_format'] as { json_schema?: { schema?: Record<string, unknown> } } | undefined;
      const scripted: OpenAIScripted =
        script.shift() ?? (format?.json_schema?.schema ? { kind: 'content', content: JSON.stringify(sampleFromSchema(format.json_schema.schema)) } : { kind: 'content', content: 'A short answer.' });
      if (scripted.kind === 'error') {
        const headers: Record<string, string> = scripted.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(scripted.retryAfterMs) };
        return send(scripted.status, { error: { message: scripted.message ?? 'error', type: 'server_error' } }, headers);
      }
      const messages = (body['messages'] as { content?: unknown }[] | undefined) ?? [];
      const promptTokens = Math.ceil(JSON.stringify(messages).length / 4);
      const content = scripted.kind === 'content' ? scripted.content : null;
      send(200, {
        id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body['model'],
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: scripted.kind === 'refusal' ? scripted.refusal : null },
            finish_reason: scripted.kind === 'content' ? (scripted.finishReason ?? 'stop') : 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: promptTokens, completion_tokens: Math.ceil((content ?? '').length / 4), total_tokens: 0, prompt_tokens_details: { cached_tokens: 0 } },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    push: (...responses) => void script.push(...responses),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
