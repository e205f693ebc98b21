/**
 * A local server on 127.0.0.1 that speaks the Anthropic Messages API (API version 2026-10-21) for tests
 * and benchmarks, driven by the real `@anthropic-ai/sdk` through `baseURL` or `ANTHROPIC_BASE_URL`.
 *
 * ```ts
 * const server = await startAnthropicServer({ script: [{ kind: 'json', value: { title: 'Hi' } }] });
 * const client = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
 * // … then: server.requests, server.messageRequests(), await server.close()
 * ```
 *
 * Endpoints: `POST /v1/messages`, `POST /v1/messages/count_tokens`, `POST /v1/messages/batches`,
 * `GET /v1/messages/batches[/{id}]`, `POST /v1/messages/batches/{id}/cancel`,
 * `DELETE /v1/messages/batches/{id}`, `GET /v1/messages/batches/{id}/results` (the batch's absolute
 * `results_url` points here). Auth: `Authorization: Bearer <key>` or `x-api-key` (401 without either;
 * when `apiKey` is set only that key passes). Error bodies are the API's
 * `{type:'error', error:{type, message}, request_id}`; every answer has a `request-id` header and
 * `/v1/messages` answers carry `anthropic-ratelimit-{requests,input-tokens,output-tokens}-{limit,remaining,reset}`.
 *
 * What it answers (first match wins): the next entry of `script` (see {@link ScriptedResponse}), then
 * `responder(request)`, then a default: JSON generated from `output_config.format.schema` when one is
 * given, else a short text. Answers longer than `max_tokens` are cut and end with `stop_reason: max_tokens`.
 *
 * Like the API it rejects with 400: `temperature`/`top_p`/`top_k`, assistant prefill, forced
 * `tool_choice`, `thinking: disabled` or budgets, more than 4 cache breakpoints, and schemas with
 * bounds or open objects (`validate: false` turns this off). It does not stream: `stream: true` gets a 400.
 *
 * Prompt caching is simulated: each `cache_control` breakpoint's prefix is hashed; a later request with
 * the same prefix within the TTL reads it (`cache_read_input_tokens`), otherwise a prefix of at least
 * `minCacheableTokens` is written (`cache_creation_input_tokens`) and becomes readable once the response
 * is sent, as on the API. Tokens are counted with a deterministic estimate (see {@link countServerTokens}).
 *
 * Rate limits (`limits`) are token buckets per window of 60 s / `timeCompression`; cache reads do not
 * count toward input tokens; output tokens are reserved at `max_tokens` and settled at the end. A
 * request over a limit gets 429 with `retry-after` (seconds) and `retry-after-ms`, its message naming the limit. Latency, cache TTLs
 * and the window are all divided by `timeCompression`. Every request is recorded in `requests` with its
 * times, parsed body, status and headers (secrets redacted).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTokenBucket,
  msUntilAvailable,
  msUntilFull,
  refundToBucket,
  takeFromBucket,
  type TokenBucket,
} from '../../pipeline/models/token-bucket.ts';

export type RefusalCategory = 'cyber' | 'bio' | 'frontier_llm' | 'reasoning_extraction' | 'general_harms' | null;

/** One scripted answer. `latencyMs` (uncompressed) overrides the server's latency for this answer. */
export type ScriptedResponse =
  | { readonly kind: 'text'; readonly text: string; readonly outputTokens?: number; readonly thinking?: boolean; readonly latencyMs?: number }
  | { readonly kind: 'json'; readonly value: unknown; readonly latencyMs?: number }
  /** Text sent as is in a structured answer, e.g. broken JSON. */
  | { readonly kind: 'raw-text'; readonly text: string; readonly latencyMs?: number }
  | { readonly kind: 'refusal'; readonly category?: RefusalCategory; readonly latencyMs?: number }
  /** An answer cut at `max_tokens` (the text defaults to a long filler cut to the request's limit). */
  | { readonly kind: 'max_tokens'; readonly text?: string; readonly latencyMs?: number }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly type?: string;
      readonly message?: string;
      readonly retryAfterMs?: number;
      readonly retryAfterSeconds?: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly latencyMs?: number;
    }
  /** Destroys the connection without an answer. */
  | { readonly kind: 'reset' };

export type RecordedRequest = {
  readonly index: number;
  readonly method: string;
  readonly path: string;
  /** Request headers, with `authorization` and `x-api-key` redacted. */
  readonly headers: Readonly<Record<string, string>>;
  readonly auth: 'bearer' | 'x-api-key' | 'none';
  readonly body: unknown;
  readonly receivedAt: number;
  respondedAt?: number;
  status?: number;
  /** Why the server rejected it (400/401/429), when it did. */
  rejected?: string;
  requestId: string;
};

/** What a responder sees: the parsed `/v1/messages` body and the request's record. */
export type MessageRequestView = {
  readonly body: MessageBody;
  readonly record: RecordedRequest;
  /** Set when the request is part of a batch. */
  readonly customId?: string;
};

export type MessageBody = {
  readonly model?: string;
  readonly max_tokens?: number;
  readonly system?: unknown;
  readonly messages?: readonly { readonly role: string; readonly content: unknown }[];
  readonly output_config?: { readonly format?: { readonly type?: string; readonly schema?: Record<string, unknown> } | null };
  readonly [key: string]: unknown;
};

export type Responder = (request: MessageRequestView) => ScriptedResponse | undefined | Promise<ScriptedResponse | undefined>;

export type AnthropicServerOptions = {
  /** When set, only this key is accepted. */
  readonly apiKey?: string;
  /** Answers used in order, before `responder`. */
  readonly script?: readonly ScriptedResponse[];
  readonly responder?: Responder;
  /** Per-minute limits (unset: unlimited); `burst` is the share of a window the bucket holds (default: `1`). */
  readonly limits?: { readonly rpm?: number; readonly itpm?: number; readonly otpm?: number; readonly burst?: number };
  /** Divides the rate-limit window, latencies and cache TTLs (default: `1`). */
  readonly timeCompression?: number;
  /** Latency of an answer in uncompressed ms (default: `0`). */
  readonly latency?: { readonly baseMs?: number; readonly perOutputTokenMs?: number };
  /** Minimum cacheable prefix in tokens, one number or per model (default: 512, 4096 for Haiku 4.5 and older Opus). */
  readonly minCacheableTokens?: number | Readonly<Record<string, number>>;
  /** Time before a batch ends, in ms (default: `0`). */
  readonly batchProcessingMs?: number;
  /** Reject parameters the API rejects (default: `true`). */
  readonly validate?: boolean;
};

export type ServerBatch = {
  readonly id: string;
  status: 'in_progress' | 'canceling' | 'ended';
  readonly createdAt: Date;
  endedAt: Date | null;
  cancelInitiatedAt: Date | null;
  readonly requests: readonly { readonly custom_id: string; readonly params: MessageBody }[];
  readonly results: Map<string, unknown>;
};

export type AnthropicServer = {
  /** Base URL, `http://127.0.0.1:PORT` (pass as `baseURL` or `ANTHROPIC_BASE_URL`). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** The `POST /v1/messages` requests only. */
  messageRequests(): RecordedRequest[];
  /** Appends scripted answers. */
  push(...responses: ScriptedResponse[]): void;
  setResponder(responder: Responder | undefined): void;
  readonly batches: Map<string, ServerBatch>;
  /** Counts: messages received, answered, rate limited (429), errors (≥500) and resets. */
  stats(): { received: number; answered: number; rateLimited: number; serverErrors: number; resets: number };
  close(): Promise<void>;
};

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const REJECTED_PARAMS = ['temperature', 'top_p', 'top_k'] as const;
const SCHEMA_KEYS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'allOf', 'description', 'title', 'format', '$defs', '$ref', 'minItems']);
const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

/** Deterministic token estimate the server bills with: 1 token per 4 characters, images by decoded size. */
export function countServerTokens(block: unknown): number {
  if (typeof block === 'string') return Math.ceil(block.length / 4);
  if (block && typeof block === 'object') {
    const b = block as { type?: unknown; text?: unknown; source?: { data?: unknown } };
    if (b.type === 'text' && typeof b.text === 'string') return Math.ceil(b.text.length / 4);
    if (b.type === 'image' && typeof b.source?.data === 'string') {
      return Math.min(1600, Math.max(85, Math.ceil((b.source.data.length * 0.75) / 750)));
    }
  }
  return Math.ceil(JSON.stringify(block).length / 4);
}

type Block = { readonly content: unknown; readonly ttl: '5m' | '1h' | undefined };

/** Flattens tools, system and messages into blocks in cache order, noting breakpoints. */
function listBlocks(body: MessageBody): Block[] {
  const blocks: Block[] = [];
  const ttlOf = (b: unknown): '5m' | '1h' | undefined => {
    const cc = b && typeof b === 'object' ? (b as { cache_control?: { ttl?: string } | null }).cache_control : undefined;
    if (!cc) return undefined;
    return cc.ttl === '1h' ? '1h' : '5m';
  };
  const add = (b: unknown): void => {
    const { cache_control: _cc, ...rest } = (b && typeof b === 'object' ? b : { text: b }) as Record<string, unknown>;
    blocks.push({ content: typeof b === 'string' ? b : rest, ttl: ttlOf(b) });
  };
  for (const tool of Array.isArray(body['tools']) ? body['tools'] : []) add(tool);
  if (typeof body.system === 'string') add(body.system);
  else if (Array.isArray(body.system)) for (const b of body.system) add(b);
  for (const m of body.messages ?? []) {
    if (typeof m.content === 'string') add(m.content);
    else if (Array.isArray(m.content)) for (const b of m.content) add(b);
  }
  const top = body['cache_control'] as { ttl?: string } | undefined;
  const last = blocks.at(-1);
  if (top && last && !last.ttl) blocks[blocks.length - 1] = { content: last.content, ttl: top.ttl === '1h' ? '1h' : '5m' };
  return blocks;
}

type CachePlan = {
  readonly total: number;
  readonly read: number;
  readonly write5m: number;
  readonly write1h: number;
  readonly readHash: string | undefined;
  readonly writes: readonly { hash: string; ttl: '5m' | '1h' }[];
};

function planCache(body: MessageBody, cache: Map<string, number>, minTokens: number, now: number): CachePlan {
  const blocks = listBlocks(body);
  const hash = createHash('sha256').update(String(body.model));
  let tokens = 0;
  const points: { hash: string; tokens: number; ttl: '5m' | '1h' }[] = [];
  for (const block of blocks) {
    tokens += countServerTokens(block.content);
    hash.update(JSON.stringify(block.content));
    if (block.ttl) points.push({ hash: hash.copy().digest('hex'), tokens, ttl: block.ttl });
  }
  let read = 0;
  let readHash: string | undefined;
  for (const p of [...points].reverse()) {
    if ((cache.get(p.hash) ?? 0) > now) {
      read = p.tokens;
      readHash = p.hash;
      break;
    }
  }
  let covered = read;
  let write5m = 0;
  let write1h = 0;
  const writes: { hash: string; ttl: '5m' | '1h' }[] = [];
  for (const p of points) {
    if (p.tokens <= covered || p.tokens < minTokens) continue;
    if (p.ttl === '1h') write1h += p.tokens - covered;
    else write5m += p.tokens - covered;
    covered = p.tokens;
    writes.push({ hash: p.hash, ttl: p.ttl });
  }
  return { total: tokens, read, write5m, write1h, readHash, writes };
}

/** Why the API would reject this body, or undefined. */
function findRejection(body: MessageBody, needsMaxTokens: boolean): string | undefined {
  for (const p of REJECTED_PARAMS) if (p in body) return `${p}: Extra inputs are not permitted`;
  if (typeof body.model !== 'string') return 'model: Field required';
  if (needsMaxTokens && !(Number.isInteger(body.max_tokens) && (body.max_tokens ?? 0) > 0)) return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  if (body.messages.at(-1)?.role === 'assistant') return 'This model does not support assistant message prefill. The conversation must end with a user message.';
  const choice = body['tool_choice'] as { type?: string } | undefined;
  if (choice && (choice.type === 'any' || choice.type === 'tool')) return `tool_choice.type: '${choice.type}' is not supported with this model; use 'auto'`;
  const thinking = body['thinking'] as { type?: string; budget_tokens?: unknown } | undefined;
  if (thinking && (thinking.type === 'disabled' || thinking.budget_tokens !== undefined)) return 'thinking: budgets and disabled thinking are not supported with this model';
  const breakpoints = listBlocks(body).filter((b) => b.ttl).length;
  if (breakpoints > 4) return `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`;
  const schema = body.output_config?.format?.schema;
  if (schema) return findSchemaRejection(schema, 'output_config.format.schema');
  return undefined;
}

function findSchemaRejection(schema: Record<string, unknown>, at: string): string | undefined {
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYS.has(key)) return `${at}: property '${key}' is not supported`;
  }
  if (schema['minItems'] !== undefined && schema['minItems'] !== 0 && schema['minItems'] !== 1) return `${at}.minItems: only 0 and 1 are supported`;
  if (schema['type'] === 'object' && schema['additionalProperties'] !== false) return `${at}: additionalProperties must be false for objects`;
  const children: [string, unknown][] = [];
  for (const [k, v] of Object.entries((schema['properties'] as Record<string, unknown>) ?? {})) children.push([`${at}.properties.${k}`, v]);
  for (const [k, v] of Object.entries((schema['$defs'] as Record<string, unknown>) ?? {})) children.push([`${at}.$defs.${k}`, v]);
  if (schema['items']) children.push([`${at}.items`, schema['items']]);
  for (const key of ['anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((v, i) => children.push([`${at}.${key}[${i}]`, v]));
  }
  for (const [where, child] of children) {
    if (child && typeof child === 'object') {
      const found = findSchemaRejection(child as Record<string, unknown>, where);
      if (found) return found;
    }
  }
  return undefined;
}

/** A deterministic value matching a (closed, bound-free) JSON schema. */
export function sampleFromSchema(schema: Record<string, unknown>, defs: Record<string, unknown> = {}, key = 'value'): unknown {
  const allDefs = { ...defs, ...((schema['$defs'] as Record<string, unknown>) ?? {}) };
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = allDefs[ref.replace(/^#\/\$defs\//, '')];
    return target ? sampleFromSchema(target as Record<string, unknown>, allDefs, key) : null;
  }
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  if (schema['const'] !== undefined) return schema['const'];
  const variants = schema['anyOf'] ?? schema['allOf'];
  if (Array.isArray(variants) && variants[0]) return sampleFromSchema(variants[0] as Record<string, unknown>, allDefs, key);
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((schema['properties'] as Record<string, unknown>) ?? {})) {
        out[k] = sampleFromSchema(v as Record<string, unknown>, allDefs, k);
      }
      return out;
    }
    case 'array':
      return schema['items'] ? [sampleFromSchema(schema['items'] as Record<string, unknown>, allDefs, key)] : [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return `Sample ${key}`;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function redactHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = k === 'authorization' || k === 'x-api-key' ? '[redacted]' : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startAnthropicServer(options: AnthropicServerOptions = {}): Promise<AnthropicServer> {
  const compression = options.timeCompression ?? 1;
  const windowMs = 60_000 / compression;
  const script: ScriptedResponse[] = [...(options.script ?? [])];
  let responder = options.responder;
  const requests: RecordedRequest[] = [];
  const cache = new Map<string, number>();
  const batches = new Map<string, ServerBatch>();
  const counts = { received: 0, answered: 0, rateLimited: 0, serverErrors: 0, resets: 0 };
  const started = Date.now();
  const limits = options.limits ?? {};
  const buckets: Partial<Record<'requests' | 'input-tokens' | 'output-tokens', TokenBucket>> = {};
  if (limits.rpm) buckets.requests = createTokenBucket(limits.rpm, windowMs, started, limits.burst);
  if (limits.itpm) buckets['input-tokens'] = createTokenBucket(limits.itpm, windowMs, started, limits.burst);
  if (limits.otpm) buckets['output-tokens'] = createTokenBucket(limits.otpm, windowMs, started, limits.burst);
  let nextId = 1;
  let url = '';

  const minTokensFor = (model: string): number => {
    const m = options.minCacheableTokens;
    if (typeof m === 'number') return m;
    if (m && m[model] !== undefined) return m[model] ?? 512;
    if (/haiku-4-5|opus-4-[56]/.test(model)) return 4096;
    if (/opus-4-7/.test(model)) return 2048;
    if (/sonnet-5$|sonnet-4-[56]|opus-4-8/.test(model)) return 1024;
    return 512;
  };

  const rateHeaders = (now: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, bucket] of Object.entries(buckets)) {
      out[`anthropic-ratelimit-${name}-limit`] = String(bucket.limit);
      out[`anthropic-ratelimit-${name}-remaining`] = String(Math.max(0, Math.floor(bucket.level)));
      out[`anthropic-ratelimit-${name}-reset`] = new Date(now + msUntilFull(bucket, now)).toISOString();
    }
    return out;
  };

  const sendJson = (res: http.ServerResponse, record: RecordedRequest, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    record.status = status;
    record.respondedAt = Date.now();
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': record.requestId, ...headers });
    res.end(JSON.stringify(body));
  };

  const sendError = (res: http.ServerResponse, record: RecordedRequest, status: number, message: string, type?: string, headers: Record<string, string> = {}): void => {
    record.rejected = message;
    if (status === 429) counts.rateLimited += 1;
    if (status >= 500) counts.serverErrors += 1;
    sendJson(res, record, status, { type: 'error', error: { type: type ?? ERROR_TYPES[status] ?? 'api_error', message }, request_id: record.requestId }, headers);
  };

  const nextScripted = async (view: MessageRequestView): Promise<ScriptedResponse> => {
    const scripted = script.shift() ?? (responder ? await responder(view) : undefined);
    if (scripted) return scripted;
    const schema = view.body.output_config?.format?.schema;
    if (schema) return { kind: 'json', value: sampleFromSchema(schema) };
    return { kind: 'text', text: 'A short answer from the local test server.' };
  };

  /** Builds the Message for a non-error scripted answer. */
  const buildMessage = (body: MessageBody, scripted: Exclude<ScriptedResponse, { kind: 'error' } | { kind: 'reset' }>, plan: CachePlan, requestId: string): { message: Record<string, unknown>; outputTokens: number } => {
    const maxTokens = body.max_tokens ?? 1024;
    let text = '';
    let stopReason = 'end_turn';
    let stopDetails: unknown = null;
    let outputTokens: number | undefined;
    if (scripted.kind === 'text') {
      text = scripted.text;
      outputTokens = scripted.outputTokens;
    } else if (scripted.kind === 'json') text = JSON.stringify(scripted.value);
    else if (scripted.kind === 'raw-text') text = scripted.text;
    else if (scripted.kind === 'refusal') {
      stopReason = 'refusal';
      stopDetails = { type: 'refusal', category: scripted.category ?? null, explanation: null };
    } else {
      text = scripted.text ?? 'word '.repeat(maxTokens * 2);
      stopReason = 'max_tokens';
    }
    outputTokens ??= countServerTokens(text);
    if (outputTokens > maxTokens) {
      text = text.slice(0, maxTokens * 4);
      outputTokens = maxTokens;
      stopReason = 'max_tokens';
    }
    const content: unknown[] = [];
    if (scripted.kind === 'text' && scripted.thinking) content.push({ type: 'thinking', thinking: '', signature: 'sig' });
    if (scripted.kind !== 'refusal') content.push({ type: 'text', text, citations: null });
    const write = plan.write5m + plan.write1h;
    const message = {
      id: `msg_${requestId.slice(4)}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      stop_details: stopDetails,
      container: null,
      diagnostics: null,
      usage: {
        input_tokens: plan.total - plan.read - write,
        output_tokens: outputTokens,
        cache_creation_input_tokens: write,
        cache_read_input_tokens: plan.read,
        cache_creation: { ephemeral_5m_input_tokens: plan.write5m, ephemeral_1h_input_tokens: plan.write1h },
        output_tokens_details: { thinking_tokens: 0 },
        server_tool_use: null,
        service_tier: 'standard',
        inference_geo: null,
        speed: null,
      },
    };
    return { message, outputTokens };
  };

  const commitCache = (plan: CachePlan, now: number): void => {
    if (plan.readHash) {
      const ttl = cache.get(plan.readHash);
      if (ttl !== undefined) cache.set(plan.readHash, Math.max(ttl, now + TTL_MS['5m'] / compression));
    }
    for (const w of plan.writes) cache.set(w.hash, now + TTL_MS[w.ttl] / compression);
  };

  const handleMessages = async (req: http.IncomingMessage, res: http.ServerResponse, record: RecordedRequest, body: MessageBody): Promise<void> => {
    counts.received += 1;
    const now = Date.now();
    const plan = planCache(body, cache, minTokensFor(String(body.model)), now);
    const inputCost = plan.total - plan.read;
    const maxTokens = body.max_tokens ?? 0;
    const demands: [keyof typeof buckets, number][] = [['requests', 1], ['input-tokens', inputCost], ['output-tokens', maxTokens]];
    let wait = 0;
    let exceeded = '';
    for (const [name, amount] of demands) {
      const bucket = buckets[name];
      const ms = bucket ? msUntilAvailable(bucket, amount, now) : 0;
      if (ms > wait) {
        wait = ms;
        exceeded = `${bucket?.limit ?? 0} ${name.replace('-', ' ')} per minute`;
      }
    }
    if (wait > 0) {
      const headers = { ...rateHeaders(now), 'retry-after': String(Math.ceil(wait / 1000)), 'retry-after-ms': String(wait) };
      sendError(res, record, 429, `This request would exceed the rate limit for your organization of ${exceeded}`, undefined, headers);
      return;
    }
    for (const [name, amount] of demands) {
      const bucket = buckets[name];
      if (bucket) takeFromBucket(bucket, amount, now);
    }
    const scripted = await nextScripted({ body, record });
    const latency = (scripted.kind !== 'reset' && scripted.latencyMs !== undefined ? scripted.latencyMs : options.latency?.baseMs ?? 0) / compression;
    if (scripted.kind === 'reset') {
      counts.resets += 1;
      record.respondedAt = Date.now();
      req.socket.destroy();
      return;
    }
    if (scripted.kind === 'error') {
      await sleep(latency);
      const headers: Record<string, string> = { ...rateHeaders(Date.now()), ...scripted.headers };
      if (scripted.retryAfterMs !== undefined) headers['retry-after-ms'] = String(scripted.retryAfterMs);
      if (scripted.retryAfterSeconds !== undefined) headers['retry-after'] = String(scripted.retryAfterSeconds);
      sendError(res, record, scripted.status, scripted.message ?? (ERROR_TYPES[scripted.status] ?? 'api_error').replace(/_/g, ' '), scripted.type, headers);
      return;
    }
    const { message, outputTokens } = buildMessage(body, scripted, plan, record.requestId);
    await sleep(latency + (outputTokens * (options.latency?.perOutputTokenMs ?? 0)) / compression);
    const done = Date.now();
    const out = buckets['output-tokens'];
    if (out) refundToBucket(out, maxTokens - outputTokens, done);
    commitCache(plan, done);
    counts.answered += 1;
    sendJson(res, record, 200, message, rateHeaders(done));
  };

  const batchObject = (b: ServerBatch): Record<string, unknown> => {
    const tally = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    for (const r of b.requests) {
      const result = b.results.get(r.custom_id) as { type?: keyof typeof tally } | undefined;
      tally[result?.type ?? 'processing'] += 1;
    }
    return {
      id: b.id,
      type: 'message_batch',
      processing_status: b.status,
      request_counts: tally,
      created_at: b.createdAt.toISOString(),
      expires_at: new Date(b.createdAt.getTime() + 86_400_000).toISOString(),
      ended_at: b.endedAt?.toISOString() ?? null,
      archived_at: null,
      cancel_initiated_at: b.cancelInitiatedAt?.toISOString() ?? null,
      results_url: b.status === 'ended' ? `${url}/v1/messages/batches/${b.id}/results` : null,
    };
  };

  const processBatch = async (batch: ServerBatch): Promise<void> => {
    await sleep(options.batchProcessingMs ?? 0);
    for (const r of batch.requests) {
      if (batch.status !== 'in_progress') break;
      const record: RecordedRequest = { index: -1, method: 'BATCH', path: '/v1/messages', headers: {}, auth: 'none', body: r.params, receivedAt: Date.now(), requestId: `req_b${nextId++}` };
      const rejection = options.validate === false ? undefined : findRejection(r.params, true);
      const errored = (type: string, message: string): unknown => ({ type: 'errored', error: { type: 'error', error: { type, message }, request_id: null } });
      if (rejection) {
        batch.results.set(r.custom_id, errored('invalid_request_error', rejection));
        continue;
      }
      const scripted = await nextScripted({ body: r.params, record, customId: r.custom_id });
      if (scripted.kind === 'error') batch.results.set(r.custom_id, errored(scripted.type ?? ERROR_TYPES[scripted.status] ?? 'api_error', scripted.message ?? 'error'));
      else if (scripted.kind === 'reset') batch.results.set(r.custom_id, errored('api_error', 'Internal server error'));
      else {
        const now = Date.now();
        const plan = planCache(r.params, cache, minTokensFor(String(r.params.model)), now);
        commitCache(plan, now);
        batch.results.set(r.custom_id, { type: 'succeeded', message: buildMessage(r.params, scripted, plan, record.requestId).message });
      }
    }
    for (const r of batch.requests) if (!batch.results.has(r.custom_id)) batch.results.set(r.custom_id, { type: 'canceled' });
    batch.status = 'ended';
    batch.endedAt = new Date();
  };

  const handleBatches = (res: http.ServerResponse, record: RecordedRequest, method: string, parts: string[], query: URLSearchParams, body: unknown): void => {
    const [id, action] = parts;
    if (method === 'POST' && !id) {
      const list = (body as { requests?: unknown } | undefined)?.requests;
      if (!Array.isArray(list) || list.length === 0) return sendError(res, record, 400, 'requests: at least one request is required');
      const seen = new Set<string>();
      for (const r of list as { custom_id?: unknown; params?: unknown }[]) {
        if (typeof r.custom_id !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(r.custom_id)) return sendError(res, record, 400, `custom_id: invalid value ${JSON.stringify(r.custom_id)}`);
        if (seen.has(r.custom_id)) return sendError(res, record, 400, `Duplicate custom_id: ${r.custom_id}`);
        seen.add(r.custom_id);
      }
      const batch: ServerBatch = {
        id: `msgbatch_${String(nextId++).padStart(6, '0')}`,
        status: 'in_progress',
        createdAt: new Date(),
        endedAt: null,
        cancelInitiatedAt: null,
        requests: list as ServerBatch['requests'],
        results: new Map(),
      };
      batches.set(batch.id, batch);
      void processBatch(batch);
      return sendJson(res, record, 200, batchObject(batch));
    }
    if (method === 'GET' && !id) {
      const all = [...batches.values()].reverse();
      const after = query.get('after_id');
      const start = after ? all.findIndex((b) => b.id === after) + 1 : 0;
      const limit = Number(query.get('limit') ?? 20);
      const page = all.slice(start, start + limit);
      return sendJson(res, record, 200, { data: page.map(batchObject), has_more: start + limit < all.length, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null });
    }
    const batch = id ? batches.get(id) : undefined;
    if (!batch) return sendError(res, record, 404, `Message batch ${String(id)} not found`);
    if (method === 'GET' && !action) return sendJson(res, record, 200, batchObject(batch));
    if (method === 'POST' && action === 'cancel') {
      if (batch.status === 'in_progress') {
        batch.status = 'canceling';
        batch.cancelInitiatedAt = new Date();
      }
      return sendJson(res, record, 200, batchObject(batch));
    }
    if (method === 'DELETE' && !action) {
      if (batch.status !== 'ended') return sendError(res, record, 400, 'A batch must end before it can be deleted');
      batches.delete(batch.id);
      return sendJson(res, record, 200, { id: batch.id, type: 'message_batch_deleted' });
    }
    if (method === 'GET' && action === 'results') {
      if (batch.status !== 'ended') return sendError(res, record, 400, 'Batch results are not available until processing ends');
      const lines = batch.requests.map((r) => JSON.stringify({ custom_id: r.custom_id, result: batch.results.get(r.custom_id) })).reverse();
      record.status = 200;
      record.respondedAt = Date.now();
      res.writeHead(200, { 'content-type': 'application/binary', 'request-id': record.requestId });
      res.end(lines.join('\n') + '\n');
      return;
    }
    return sendError(res, record, 404, `No route for ${method} ${record.path}`);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const parsedUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const authorization = req.headers.authorization;
    const apiKeyHeader = req.headers['x-api-key'];
    const auth = authorization?.startsWith('Bearer ') ? 'bearer' : typeof apiKeyHeader === 'string' ? 'x-api-key' : 'none';
    let body: unknown;
    let badJson = false;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      badJson = true;
    }
    const record: RecordedRequest = {
      index: requests.length,
      method,
      path: parsedUrl.pathname,
      headers: redactHeaders(req.headers),
      auth,
      body,
      receivedAt: Date.now(),
      requestId: `req_${String(nextId++).padStart(8, '0')}`,
    };
    requests.push(record);
    const key = auth === 'bearer' ? authorization?.slice(7) : auth === 'x-api-key' ? String(apiKeyHeader) : undefined;
    if (!key || (options.apiKey !== undefined && key !== options.apiKey)) return sendError(res, record, 401, 'invalid x-api-key');
    if (badJson) return sendError(res, record, 400, 'Request body is not valid JSON');
    const path = parsedUrl.pathname;
    if (path.startsWith('/v1/messages/batches')) {
      const parts = path.slice('/v1/messages/batches'.length).split('/').filter(Boolean);
      return handleBatches(res, record, method, parts, parsedUrl.searchParams, body);
    }
    const isCount = path === '/v1/messages/count_tokens';
    if (method !== 'POST' || (path !== '/v1/messages' && !isCount)) return sendError(res, record, 404, `No route for ${method} ${path}`);
    const message = (body ?? {}) as MessageBody;
    const rejection = options.validate === false ? undefined : findRejection(message, !isCount);
    if (rejection) return sendError(res, record, 400, rejection);
    if (!isCount && message['stream'] === true) return sendError(res, record, 400, 'stream: the local test server answers without streaming; send stream: false');
    if (isCount) return sendJson(res, record, 200, { input_tokens: listBlocks(message).reduce((n, b) => n + countServerTokens(b.content), 0) });
    return handleMessages(req, res, record, message);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(error) }, request_id: null }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    batches,
    messageRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages'),
    push: (...responses) => void script.push(...responses),
    setResponder: (next) => {
      responder = next;
    },
    stats: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
