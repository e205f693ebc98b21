/** The `models:` section of copydesk.config.yaml: default model per task, providers, limits, prices. */
import { z } from 'zod';

export const modelsConfigSchema = z
  .strictObject({
    /** Model for drafting and rewriting (a strong model). */
    draft: z.string().min(1).default('claude-sonnet-5-5'),
    /** Model for metadata tasks (a cheap model). */
    metadata: z.string().min(1).default('claude-haiku-5-5'),
    /** Per-task overrides: `{ "seo-metadata": "claude-haiku-5-5" }`. */
    tasks: z.record(z.string(), z.string().min(1)).default({}),
  })
  .prefault({});

export type ModelsConfig = z.infer<typeof modelsConfigSchema>;
