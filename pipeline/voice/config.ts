/** The `voice:` section of copydesk.config.yaml (owned by the brand-voice stage). */
import { z } from 'zod';

const level = z.enum(['suggestion', 'warning', 'error']);

export const voiceConfigSchema = z
  .strictObject({
    /** Run the voice stage (default: `true`). */
    enabled: z.boolean().default(true),
    /** Folder of Vale style folders, relative to the project root (default: `prompts/brand/styles`). */
    styles: z.string().min(1).default('prompts/brand/styles'),
    /** Styles whose every rule runs, like `BasedOnStyles` (default: `[HarborPine, Brand]`). */
    based_on: z.array(z.string().min(1)).default(['HarborPine', 'Brand']),
    /** Per-rule switches and levels, like `.vale.ini` lines: `Style.Rule: NO | YES | error | warning | suggestion`. */
    rules: z.record(z.string().regex(/^[\w-]+\.[\w.-]+$/, 'expected `Style.Rule`'), z.union([z.enum(['YES', 'NO']), level])).default({}),
    /** Alerts below this level are not reported or scored (default: `suggestion`). */
    min_alert_level: level.default('suggestion'),
    /** Words every rule accepts as written (a Vale `accept.txt` vocabulary; default: none). */
    accept: z.array(z.string().min(1)).default([]),
    /** Words to avoid (a Vale `reject.txt`; reported by `Vale.Avoid` when `based_on` has `Vale`; default: none). */
    reject: z.array(z.string().min(1)).default([]),
    /** Patterns whose matches no rule sees, like Vale's TokenIgnores (default: none). */
    ignore: z.array(z.string().min(1)).default([]),
    /** A team's `.vale.ini` to use instead of `styles`/`based_on`/`rules` (default: none). */
    vale_config: z.string().min(1).optional(),
    /** Score under which the model rewrites the offending paragraphs (default: `85`). */
    threshold: z.number().min(0).max(100).default(85),
    /** Most model rewrite rounds per draft (default: `2`; `0` = deterministic fixes only). */
    max_rounds: z.number().int().min(0).max(10).default(2),
    /** Penalty points per alert, by level (defaults: error 10, warning 3, suggestion 1). */
    weights: z
      .strictObject({
        error: z.number().min(0).default(10),
        warning: z.number().min(0).default(3),
        suggestion: z.number().min(0).default(1),
      })
      .prefault({}),
  })
  .prefault({});

export type VoiceConfig = z.infer<typeof voiceConfigSchema>;
