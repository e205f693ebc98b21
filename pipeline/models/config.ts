/** The `models:` section of copydesk.config.yaml: default model per task, providers, limits, prices. */
import { z } from 'zod';

const priceSchema = z.strictObject({
  /** $ per million uncached input tokens. */
  input: z.number().nonnegative(),
  /** $ per million output tokens. */
  output: z.number().nonnegative(),
  /** $ per million tokens written to a 5-minute cache (default: 1.25 × input). */
  cache_write_5m: z.number().nonnegative().optional(),
  /** $ per million tokens written to a 1-hour cache (default: 2 × input). */
  cache_write_1h: z.number().nonnegative().optional(),
  /** $ per million tokens read from the cache (default: 0.1 × input). */
  cache_read: z.number().nonnegative().optional(),
});

export type PriceConfig = z.infer<typeof priceSchema>;

export const modelsConfigSchema = z
  .strictObject({
    /** Model for drafting and rewriting (a strong model). */
    draft: z.string().min(1).default('claude-sonnet-5-5'),
    /** Model for metadata tasks (a cheap model). */
    metadata: z.string().min(1).default('claude-haiku-5-5'),
    /** Per-task overrides: `{ "seo-metadata": "claude-haiku-5-5" }`. */
    tasks: z.record(z.string(), z.string().min(1)).default({}),
    /**
     * Rate limits of the model API. Defaults are Anthropic's tier 2 for Sonnet (RPM 1,000, ITPM 450,000,
     * OTPM 90,000); lower limits reported by the API's `anthropic-ratelimit-*` headers win automatically.
     * Output tokens are reserved at `max_tokens` until the answer says how many were used, as the API does.
     */
    limits: z
      .strictObject({
        /** Model calls in flight at once (default: `8`). */
        concurrency: z.number().int().min(1).max(256).default(8),
        /** Requests per minute (default: `1000`). */
        rpm: z.number().positive().default(1_000),
        /** Uncached input tokens per minute; cache reads do not count (default: `450000`). */
        itpm: z.number().positive().default(450_000),
        /** Output tokens per minute, reserved at `max_tokens` and settled from usage (default: `90000`). */
        otpm: z.number().positive().default(90_000),
      })
      .prefault({}),
    /** Retries of 429, 529, 5xx and connection resets; the SDK's own retries are off (default: 4 retries, 0.5 s doubling to 30 s). */
    retries: z
      .strictObject({
        max: z.number().int().min(0).max(20).default(4),
        base_ms: z.number().int().min(1).default(500),
        max_ms: z.number().int().min(1).default(30_000),
      })
      .prefault({}),
    /** Timeout of one model request in ms (default: `600000`). */
    timeout_ms: z.number().int().positive().default(600_000),
    /** Price overrides in $ per million tokens, by model id; merged over the built-in table. */
    prices: z.record(z.string(), priceSchema).default({}),
    /** Budget per run in US dollars; `--max-cost` overrides it (default: none). */
    max_cost_usd: z.number().positive().optional(),
    /** OpenAI-compatible endpoint for tasks whose prompt says `provider: openai` (key: `OPENAI_API_KEY`). */
    openai: z
      .strictObject({
        /** Base URL, e.g. `http://127.0.0.1:11434/v1` for Ollama (default: the SDK's, `OPENAI_BASE_URL`). */
        base_url: z.url().optional(),
      })
      .prefault({}),
    /** Write `.copydesk/audit.jsonl`, one line per model call (default: `true`). */
    audit: z.boolean().default(true),
    /** Also write the prompt text into the audit log (default: `false`). */
    debug_prompts: z.boolean().default(false),
    /** How often `--wait` polls an unfinished batch, in ms (default: `60000`). */
    batch_poll_ms: z.number().int().positive().default(60_000),
  })
  .prefault({});

export type ModelsConfig = z.infer<typeof modelsConfigSchema>;
