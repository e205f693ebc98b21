/** Prices per model and the cost of a call: cache writes 1.25× (5 min) or 2× (1 h), cache reads 0.1×, batches 50%. */
import type { PriceConfig } from './config.ts';
import type { CacheTtl, ModelRequest, Usage } from './types.ts';

/** $ per million tokens, every field resolved. */
export type Price = {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
  /** Prices for prompts above a size (Haiku 5.5 above 100K input tokens). */
  readonly longContext?: { readonly aboveTokens: number; readonly price: Price };
};

/** Resolves a configured price, defaulting the cache prices from the input price. */
export function resolvePrice(config: PriceConfig): Price {
  return {
    input: config.input,
    output: config.output,
    cacheWrite5m: config.cache_write_5m ?? config.input * 1.25,
    cacheWrite1h: config.cache_write_1h ?? config.input * 2,
    cacheRead: config.cache_read ?? config.input * 0.1,
  };
}

/** Built-in list prices (API-NOTES.md, platform.claude.com, Nov 2026); config overrides them. */
export const DEFAULT_PRICES: Readonly<Record<string, Price>> = {
  'claude-opus-5-5': resolvePrice({ input: 4, output: 20, cache_read: 0.2 }),
  'claude-sonnet-5-5': resolvePrice({ input: 2, output: 10, cache_read: 0.1 }),
  'claude-haiku-5-5': {
    ...resolvePrice({ input: 0.1, output: 0.5, cache_read: 0.01 }),
    longContext: { aboveTokens: 100_000, price: resolvePrice({ input: 0.5, output: 2.5, cache_read: 0.05 }) },
  },
  'claude-fable-5-1': resolvePrice({ input: 10, output: 50, cache_read: 0.25 }),
};

/** The price of a model: config first, then the built-in table (a dated id like `claude-sonnet-5-5-20261001` matches its family). */
export function findPrice(model: string, overrides: Readonly<Record<string, PriceConfig>> = {}): Price | undefined {
  const configured = overrides[model];
  if (configured) return resolvePrice(configured);
  const known = DEFAULT_PRICES[model];
  if (known) return known;
  const family = Object.keys(DEFAULT_PRICES).find((id) => model.startsWith(`${id}-`));
  return family ? DEFAULT_PRICES[family] : undefined;
}

export type CostOptions = {
  /** TTL the cache writes were made with (default: `5m`). */
  readonly cacheTtl?: CacheTtl;
  /** Message Batches API: half price. */
  readonly batch?: boolean;
};

/** Dollars for a call's usage. */
export function costOfUsage(usage: Usage, price: Price, options: CostOptions = {}): number {
  const prompt = usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens;
  const p = price.longContext && prompt > price.longContext.aboveTokens ? price.longContext.price : price;
  const write = options.cacheTtl === '1h' ? p.cacheWrite1h : p.cacheWrite5m;
  const dollars =
    (usage.inputTokens * p.input + usage.cacheWriteTokens * write + usage.cacheReadTokens * p.cacheRead + usage.outputTokens * p.output) / 1e6;
  return options.batch ? dollars / 2 : dollars;
}

/** The longest cache TTL a request asks for (writes are priced at it). */
export function cacheTtlOf(request: ModelRequest): CacheTtl | undefined {
  if (request.system.some((b) => b.cache === '1h')) return '1h';
  return request.system.some((b) => b.cache === '5m') ? '5m' : undefined;
}

/** Tokens of the system prefix up to the last cache breakpoint (0 when nothing is marked). */
export function cachedPrefixTokens(request: ModelRequest): number {
  const last = request.system.findLastIndex((b) => b.cache);
  return request.system.slice(0, last + 1).reduce((n, b) => n + estimateTextTokens(b.text), 0);
}

/** A conservative local token estimate for text (about 3 characters a token; real English runs near 4). */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

/** Tokens an image can cost at most (the API resizes larger images to about 1.15 megapixels). */
export const IMAGE_TOKENS_MAX = 1600;

/** Local estimate of a request's input tokens: system, messages and images; never reads the network. */
export function estimateTokens(request: ModelRequest): number {
  let tokens = request.system.reduce((n, b) => n + estimateTextTokens(b.text), 0);
  for (const m of request.messages) {
    if (typeof m.content === 'string') tokens += estimateTextTokens(m.content);
    else for (const part of m.content) tokens += part.type === 'text' ? estimateTextTokens(part.text) : IMAGE_TOKENS_MAX;
  }
  // A schema costs input tokens too (it becomes part of the prompt).
  if (request.schema) tokens += estimateTextTokens(JSON.stringify(request.schema));
  return tokens;
}

/**
 * The most a call can cost: every input token at the cache-write price where a prefix is marked
 * (else at the input price), plus `maxTokens` of output.
 */
export function worstCaseCost(request: ModelRequest, price: Price, options: { readonly inputTokens?: number; readonly batch?: boolean } = {}): number {
  return promptCost(request, price, options.inputTokens ?? estimateTokens(request), false, options.batch ?? false);
}

/**
 * Dollars a request is expected to cost at most, for `copydesk plan`: input from `inputTokens` (default:
 * the local estimate), the cached system prefix read from the cache when `prefixCached` (every brief
 * after the first), else written to it; output at `maxTokens`. Undefined when the model has no price.
 */
export function estimateCost(
  request: ModelRequest,
  options: { readonly inputTokens?: number; readonly prefixCached?: boolean; readonly batch?: boolean; readonly prices?: Readonly<Record<string, PriceConfig>> } = {},
): number | undefined {
  const price = findPrice(request.model, options.prices);
  if (!price) return undefined;
  return promptCost(request, price, options.inputTokens ?? estimateTokens(request), options.prefixCached ?? false, options.batch ?? false);
}

/** Cost of `input` prompt tokens whose cached system prefix is written (or read), plus `maxTokens` of output. */
function promptCost(request: ModelRequest, price: Price, input: number, prefixCached: boolean, batch: boolean): number {
  const ttl = cacheTtlOf(request);
  const prefix = ttl ? Math.min(input, cachedPrefixTokens(request)) : 0;
  const usage: Usage = {
    inputTokens: input - prefix,
    cacheWriteTokens: prefixCached ? 0 : prefix,
    cacheReadTokens: prefixCached ? prefix : 0,
    outputTokens: request.maxTokens,
  };
  return costOfUsage(usage, price, { ...(ttl ? { cacheTtl: ttl } : {}), ...(batch ? { batch: true } : {}) });
}
