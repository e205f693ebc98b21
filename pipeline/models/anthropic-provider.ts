/** The Anthropic provider: `ModelRequest` → Messages API through `@anthropic-ai/sdk`, with no SDK retries. */
import Anthropic from '@anthropic-ai/sdk';
import { jsonSchemaOutputFormat } from '@anthropic-ai/sdk/helpers/json-schema';
import type { ContentBlockParam, Message, MessageCreateParamsNonStreaming, TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { MessageBatch, MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';
import { mapSdkError } from './map-sdk-error.ts';
import { readRateLimitHeaders, type RateLimitReport } from './rate-limit-headers.ts';
import type { ModelAnswer, ModelMessage, ModelProvider, ModelRequest, StopReason } from './types.ts';

export type AnthropicProviderOptions = {
  readonly apiKey: string;
  /** Base URL (default: the SDK's: `ANTHROPIC_BASE_URL`, else `https://api.anthropic.com`). */
  readonly baseURL?: string;
  /** Timeout per request in ms (default: `600000`). */
  readonly timeoutMs?: number;
  /** Called with the rate-limit headers of every answer, so the scheduler can adapt. */
  readonly onRateLimit?: (report: RateLimitReport, requestId: string | undefined) => void;
  readonly now?: () => number;
};

/** One request of a Message Batch. */
export type BatchItem = { readonly customId: string; readonly request: ModelRequest };

/** The Anthropic provider plus the endpoints `plan` and batch mode need. */
export type AnthropicProvider = ModelProvider & {
  readonly name: 'anthropic';
  /** Input tokens of a request, from `/v1/messages/count_tokens` (free, not rate limited like messages). */
  countTokens(request: ModelRequest): Promise<number>;
  createBatch(items: readonly BatchItem[]): Promise<MessageBatch>;
  retrieveBatch(batchId: string): Promise<MessageBatch>;
  /** Results of an ended batch, by custom id. */
  batchResults(batchId: string): Promise<Map<string, MessageBatchIndividualResponse['result']>>;
};

function toContent(message: ModelMessage): string | ContentBlockParam[] {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part): ContentBlockParam =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : { type: 'image', source: { type: 'base64', media_type: part.mediaType, data: part.data } },
  );
}

/** Builds the Messages API body for a request: cache breakpoints on system blocks, the schema as `output_config.format`. */
export function toMessageParams(request: ModelRequest): MessageCreateParamsNonStreaming {
  const system: TextBlockParam[] = request.system.map((block) => ({
    type: 'text',
    text: block.text,
    ...(block.cache ? { cache_control: { type: 'ephemeral', ttl: block.cache } } : {}),
  }));
  const params: MessageCreateParamsNonStreaming = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages: request.messages.map((m) => ({ role: m.role, content: toContent(m) })),
  };
  if (system.length > 0) params.system = system;
  if (request.schema) {
    // The helper closes objects and moves bounds the API rejects into descriptions; the client checks them locally.
    const format = jsonSchemaOutputFormat(request.schema as Parameters<typeof jsonSchemaOutputFormat>[0]);
    params.output_config = { format: { type: 'json_schema', schema: format.schema } };
  }
  return params;
}

/** Maps a Messages API answer to a `ModelAnswer` (the text block found by type; no JSON parsing here). */
export function toModelAnswer(message: Message, latencyMs: number, requestId?: string | null): ModelAnswer {
  const text = message.content.find((block) => block.type === 'text');
  const stopReason = (message.stop_reason ?? 'end_turn') as StopReason;
  return {
    text: text?.type === 'text' ? text.text : '',
    usage: {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
    },
    stopReason,
    ...(stopReason === 'refusal' ? { refusalCategory: message.stop_details?.category ?? null } : {}),
    model: message.model,
    provider: 'anthropic',
    ...(requestId ? { requestId } : {}),
    latencyMs,
  };
}

/** Creates the Anthropic provider; the SDK's own retries are off (the scheduler owns retries). */
export function createAnthropicProvider(options: AnthropicProviderOptions): AnthropicProvider {
  const now = options.now ?? Date.now;
  const client = new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    timeout: options.timeoutMs ?? 600_000,
  });
  const fail = (error: unknown): never => {
    throw mapSdkError(error, 'anthropic', Anthropic);
  };

  return {
    name: 'anthropic',
    async complete(request, signal) {
      const started = now();
      const { data, response, request_id } = await client.messages
        .create(toMessageParams(request), signal ? { signal } : {})
        .withResponse()
        .catch(fail);
      options.onRateLimit?.(readRateLimitHeaders(response.headers), request_id ?? undefined);
      return toModelAnswer(data, now() - started, request_id);
    },
    async countTokens(request) {
      const { max_tokens: _unused, ...params } = toMessageParams(request);
      const counted = await client.messages.countTokens(params).catch(fail);
      return counted.input_tokens;
    },
    createBatch(items) {
      return client.messages.batches
        .create({ requests: items.map((item) => ({ custom_id: item.customId, params: toMessageParams(item.request) })) })
        .catch(fail);
    },
    retrieveBatch(batchId) {
      return client.messages.batches.retrieve(batchId).catch(fail);
    },
    async batchResults(batchId) {
      const results = new Map<string, MessageBatchIndividualResponse['result']>();
      const lines = await client.messages.batches.results(batchId).catch(fail);
      for await (const line of lines) results.set(line.custom_id, line.result);
      return results;
    },
  };
}
