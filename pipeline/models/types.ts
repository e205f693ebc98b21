/** The model-client interface every provider implements (offline, Anthropic, OpenAI-compatible). */

export type CacheTtl = '5m' | '1h';

/** One block of the system prompt; stable blocks go first and carry a cache breakpoint. */
export type SystemBlock = {
  readonly text: string;
  /** Marks the end of a cacheable prefix (default: not cached). */
  readonly cache?: CacheTtl;
};

export type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export type ContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image'; readonly mediaType: ImageMediaType; readonly data: string /* base64 */; readonly source?: string };

export type ModelMessage = {
  readonly role: 'user' | 'assistant';
  readonly content: string | readonly ContentPart[];
};

/** A JSON schema object describing the answer (closed objects, no length or numeric bounds). */
export type JsonSchema = { readonly [key: string]: unknown };

export type ModelRequest = {
  /** Task name, the prompt file's basename: `draft-article`, `seo-metadata`, … */
  readonly task: string;
  readonly model: string;
  readonly system: readonly SystemBlock[];
  readonly messages: readonly ModelMessage[];
  /** When set, the answer must be JSON matching this schema. */
  readonly schema?: JsonSchema;
  readonly maxTokens: number;
  /**
   * The structured input the prompt was filled from (the brief, the draft, the failed checks).
   * Real models read the prompt text; the offline provider composes its answer from this.
   */
  readonly input?: unknown;
  /** Who asked, for the audit log and the cost ledger. */
  readonly meta: {
    readonly briefId: string;
    readonly stage: string;
    readonly promptFile?: string;
    readonly promptHash?: string;
  };
};

export type Usage = {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWriteTokens: number;
  readonly cacheReadTokens: number;
};

export type StopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

export type ModelAnswer = {
  /** The text block's text (for schema requests: the raw JSON text). */
  readonly text: string;
  /** The parsed and validated JSON, for schema requests. */
  readonly json?: unknown;
  readonly usage: Usage;
  readonly stopReason: StopReason;
  /** Set when `stopReason` is `refusal`. */
  readonly refusalCategory?: string | null;
  readonly model: string;
  readonly provider: string;
  readonly requestId?: string;
  readonly latencyMs: number;
};

export interface ModelProvider {
  readonly name: string;
  complete(request: ModelRequest, signal?: AbortSignal): Promise<ModelAnswer>;
}

export const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };

/** Adds two usage records. */
export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}

/**
 * How the offline provider answers one task: composed deterministically from `request.input`.
 * Each stage that calls a model ships the handler for its task; the offline provider registers them.
 */
export type OfflineHandler = (request: ModelRequest) => { readonly text: string; readonly json?: unknown };
