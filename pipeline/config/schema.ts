/** copydesk.config.yaml: schema and defaults. Secrets never live here (see load-config.ts). */
import { z } from 'zod';
import { TARGETS } from '../briefs/schema.ts';
import { gateConfigSchema } from '../gate/config.ts';
import { linksConfigSchema } from '../links/config.ts';
import { modelsConfigSchema } from '../models/config.ts';
import { seoConfigSchema } from '../seo/config.ts';
import { voiceConfigSchema } from '../voice/config.ts';

export const DIALECTS = ['hugo', 'astro', 'eleventy'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const configSchema = z.strictObject({
  /** Folder of briefs (default: `briefs`). */
  briefs: z.string().min(1).default('briefs'),
  /** Folder static drafts are written to (default: `output`). */
  output: z.string().min(1).default('output'),
  /** Folder of run records (default: `output/runs`). */
  runs: z.string().min(1).default('output/runs'),
  /** State folder: stage cache, target records, audit log, lock (default: `.copydesk`). */
  state: z.string().min(1).default('.copydesk'),
  /** Prompt files folder (default: `prompts`). */
  prompts: z.string().min(1).default('prompts'),
  /** Target for briefs that name none (default: `static`). */
  target: z.enum(TARGETS).default('static'),
  /** Locale for briefs that name none (default: `en-US`). */
  locale: z.string().min(2).default('en-US'),
  /** Front-matter dialect of static drafts (default: `hugo`). */
  dialect: z.enum(DIALECTS).default('hugo'),
  brand: z
    .strictObject({
      name: z.string().min(1).default('Our brand'),
      url: z.url().optional(),
      logo: z.string().min(1).optional(),
      author: z.string().min(1).optional(),
    })
    .prefault({}),
  /** Concurrent briefs in flight (default: 4). */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Largest brief file accepted, in bytes (default: 262144 = 256 KiB). */
  max_brief_bytes: z.number().int().positive().default(256 * 1024),
  models: modelsConfigSchema,
  voice: voiceConfigSchema,
  seo: seoConfigSchema,
  links: linksConfigSchema,
  /** The review gate: number checks, banned claims, brief scanning. */
  gate: gateConfigSchema,
});

export type Config = z.infer<typeof configSchema>;
