/** The drafting tasks' input (what the prompt is filled from) and answer schema. */
import { z } from 'zod';
import type { BriefFrontMatter } from '../briefs/schema.ts';

export const draftAnswerSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string(),
  tags: z.array(z.string()),
  body_markdown: z.string().min(1),
  image_alts: z.array(z.string()).optional(),
});

export type DraftAnswer = z.infer<typeof draftAnswerSchema>;

/** JSON schema sent to the model: closed objects, no length or numeric bounds. */
export const DRAFT_ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    summary: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    body_markdown: { type: 'string' },
    image_alts: { type: 'array', items: { type: 'string' } },
  },
  required: ['title', 'summary', 'tags', 'body_markdown'],
  additionalProperties: false,
} as const;

export type DraftInput = {
  readonly brand: string;
  readonly kind: 'article' | 'product';
  readonly data: BriefFrontMatter;
  /** The brief's notes (Markdown). */
  readonly body: string;
  readonly imageCount: number;
};
