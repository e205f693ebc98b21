/** The `voice-rewrite` model task: the request the stage sends, its answer schema, and the offline handler. */
import { z } from 'zod';
import type { Config } from '../config/schema.ts';
import type { ModelRequest, OfflineHandler } from '../models/types.ts';
import { fillTemplate, type PromptSet } from '../prompts/load-prompts.ts';

export const REWRITE_TASK = 'voice-rewrite';

/** One paragraph sent for a rewrite, with the alerts it carries. */
export type RewriteParagraph = {
  readonly id: string;
  readonly text: string;
  readonly alerts: readonly { readonly rule: string; readonly severity: string; readonly message: string; readonly match: string }[];
};

export type RewriteInput = {
  readonly title: string;
  readonly paragraphs: readonly RewriteParagraph[];
  /** Alerts about the whole draft (reading grade, sentence average). */
  readonly documentAlerts: readonly string[];
};

const rewriteInputSchema = z.object({
  paragraphs: z.array(z.object({ id: z.string(), text: z.string() })),
});

export const rewriteAnswerSchema = z.strictObject({
  paragraphs: z.array(z.strictObject({ id: z.string(), text: z.string() })),
});

export type RewriteAnswer = z.infer<typeof rewriteAnswerSchema>;

/** JSON schema of the answer (closed objects, no bounds), for `ModelRequest.schema`. */
export const REWRITE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['paragraphs'],
  properties: {
    paragraphs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'text'],
        properties: { id: { type: 'string' }, text: { type: 'string' } },
      },
    },
  },
} as const;

const REQUEST_MARKER = '<!-- request -->';

function describeParagraphs(input: RewriteInput): string {
  const blocks = input.paragraphs.map((p) => {
    const alerts = p.alerts.map((a) => `- ${a.severity} ${a.rule}: ${a.message}`).join('\n');
    return `### ${p.id}\n\n${p.text}\n\nBreaks:\n${alerts || '- (see the whole-draft notes)'}`;
  });
  const notes = input.documentAlerts.length > 0 ? `\n\nWhole-draft notes:\n${input.documentAlerts.map((a) => `- ${a}`).join('\n')}` : '';
  return blocks.join('\n\n') + notes;
}

/**
 * Builds the rewrite request: system = the voice guide (cached) then the prompt's instructions;
 * the user message lists the paragraphs and their alerts.
 */
export function buildRewriteRequest(input: RewriteInput, ctx: { readonly prompts: PromptSet; readonly config: Config }, briefId: string): ModelRequest {
  const prompt = ctx.prompts.load(REWRITE_TASK);
  const guide = ctx.prompts.text('brand/voice.md');
  const [instructions = '', request = prompt.template] = prompt.template.includes(REQUEST_MARKER) ? prompt.template.split(REQUEST_MARKER) : ['', prompt.template];
  const values = { brand: ctx.config.brand.name, title: input.title, paragraphs: describeParagraphs(input) };
  return {
    task: REWRITE_TASK,
    model: prompt.model,
    system: [
      { text: guide.text, cache: prompt.cacheTtl },
      { text: fillTemplate(instructions.trim(), values) },
    ],
    messages: [{ role: 'user', content: fillTemplate(request.trim(), values) }],
    schema: REWRITE_JSON_SCHEMA,
    maxTokens: prompt.maxTokens,
    input,
    meta: { briefId, stage: 'voice', promptFile: prompt.file, promptHash: prompt.hash },
  };
}

/** Offline `voice-rewrite`: every paragraph back unchanged (offline, only deterministic fixes apply). */
export const offlineVoiceRewrite: OfflineHandler = (request) => {
  const input = rewriteInputSchema.parse(request.input);
  const json = { paragraphs: input.paragraphs.map((p) => ({ id: p.id, text: p.text })) };
  return { text: JSON.stringify(json), json };
};
