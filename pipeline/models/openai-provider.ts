/** A provider for any OpenAI-compatible endpoint (Ollama, vLLM, other vendors) through the `openai` SDK. */
import OpenAI from 'openai';
import type { ChatCompletionContentPart, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { mapSdkError } from './map-sdk-error.ts';
import { readRateLimitHeaders, type RateLimitReport } from './rate-limit-headers.ts';
import type { ModelMessage, ModelProvider, ModelRequest, StopReason } from './types.ts';

export type OpenAIProviderOptions = {
  readonly apiKey: string;
  /** Base URL, e.g. `http://127.0.0.1:11434/v1` (default: the SDK's, `OPENAI_BASE_URL`). */
  readonly baseURL?: string;
  readonly timeoutMs?: number;
  readonly onRateLimit?: (report: RateLimitReport, requestId: string | undefined) => void;
  readonly now?: () => number;
};

function toContent(message: ModelMessage): string | ChatCompletionContentPart[] {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part): ChatCompletionContentPart =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : { type: 'image_url', image_url: { url: `data:${part.mediaType};base64,${part.data}` } },
  );
}

/** OpenAI's strict mode needs every object closed with all of its properties required. */
function fitsStrictMode(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return true;
  if (Array.isArray(schema)) return schema.every(fitsStrictMode);
  const node = schema as Record<string, unknown>;
  const properties = node['properties'] as Record<string, unknown> | undefined;
  if (properties) {
    const required = new Set((node['required'] as string[] | undefined) ?? []);
    if (node['additionalProperties'] !== false || Object.keys(properties).some((k) => !required.has(k))) return false;
  }
  return Object.values(node).every(fitsStrictMode);
}

/** Builds the chat-completions body: the system blocks joined into one system message, the schema as `json_schema` (strict where it fits). */
export function toChatParams(request: ModelRequest): ChatCompletionCreateParamsNonStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system.length > 0) messages.push({ role: 'system', content: request.system.map((b) => b.text).join('\n\n') });
  for (const m of request.messages) {
    if (m.role === 'user') messages.push({ role: 'user', content: toContent(m) });
    else messages.push({ role: 'assistant', content: typeof m.content === 'string' ? m.content : m.content.map((p) => (p.type === 'text' ? p.text : '')).join('') });
  }
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    messages,
    ...(request.schema
      ? { response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { ...request.schema }, strict: fitsStrictMode(request.schema) } } }
      : {}),
  };
}

function toStopReason(finish: string | null | undefined, refused: boolean): StopReason {
  if (refused || finish === 'content_filter') return 'refusal';
  if (finish === 'length') return 'max_tokens';
  if (finish === 'tool_calls') return 'tool_use';
  return 'end_turn';
}

/** Creates the OpenAI-compatible provider; the SDK's own retries are off (the scheduler owns retries). */
export function createOpenAIProvider(options: OpenAIProviderOptions): ModelProvider {
  const now = options.now ?? Date.now;
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    timeout: options.timeoutMs ?? 600_000,
  });
  return {
    name: 'openai',
    async complete(request, signal) {
      const started = now();
      const { data, response, request_id } = await client.chat.completions
        .create(toChatParams(request), signal ? { signal } : {})
        .withResponse()
        .catch((error: unknown) => {
          throw mapSdkError(error, 'openai', OpenAI);
        });
      options.onRateLimit?.(readRateLimitHeaders(response.headers), request_id ?? undefined);
      const choice = data.choices[0];
      const refused = Boolean(choice?.message.refusal);
      const stopReason = toStopReason(choice?.finish_reason, refused);
      const prompt = data.usage?.prompt_tokens ?? 0;
      const cached = data.usage?.prompt_tokens_details?.cached_tokens ?? 0;
      return {
        text: refused ? '' : (choice?.message.content ?? ''),
        usage: { inputTokens: prompt - cached, outputTokens: data.usage?.completion_tokens ?? 0, cacheWriteTokens: 0, cacheReadTokens: cached },
        stopReason,
        ...(stopReason === 'refusal' ? { refusalCategory: null } : {}),
        model: data.model,
        provider: 'openai',
        ...(request_id ? { requestId: request_id } : {}),
        latencyMs: now() - started,
      };
    },
  };
}
