/** The draft stage: the brief and its prompt file in, a first draft out (the model or the offline drafter). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Brief } from '../briefs/schema.ts';
import { resolveImage, sniffImageType } from '../briefs/check-images.ts';
import type { DraftDoc, ReviewFlag, Stage, StageContext } from '../document.ts';
import { fillTemplate } from '../prompts/load-prompts.ts';
import type { ContentPart, ModelAnswer, ModelRequest } from '../models/types.ts';
import { DRAFT_ANSWER_JSON_SCHEMA, draftAnswerSchema, type DraftAnswer, type DraftInput } from './draft-answer.ts';

/** Thrown when the model's answer cannot be used; names the brief. */
export class DraftAnswerError extends Error {
  override readonly name = 'DraftAnswerError';
}

/** Builds the system prompt: stable text first (role, the brand voice guide), cached. */
export function draftSystem(ctx: Pick<StageContext, 'prompts' | 'config'>, cache: '5m' | '1h'): { text: string; cache: '5m' | '1h' }[] {
  const voice = ctx.prompts.text('brand/voice.md').text;
  const role = `You are the staff copywriter for ${ctx.config.brand.name}. You write first drafts that editors review before anything is published. You never invent facts, numbers, prices or claims: everything specific comes from the brief you are given.`;
  return [{ text: `${role}\n\n# The brand voice guide\n\n${voice}`, cache }];
}

/** The drafting request for a brief (also used by `copydesk plan` to estimate tokens and cost). */
export async function buildDraftRequest(doc: DraftDoc, ctx: Pick<StageContext, 'prompts' | 'config'>): Promise<ModelRequest> {
  const brief = doc.job.brief;
  const task = brief.kind === 'product' ? 'draft-product' : 'draft-article';
  const prompt = ctx.prompts.load(task);
  const input: DraftInput = {
    brand: ctx.config.brand.name,
    kind: brief.kind,
    data: brief.data,
    body: brief.body,
    imageCount: brief.kind === 'product' ? (brief.data.images?.length ?? 0) : 0,
  };
  const values = { ...brief.data, brand: ctx.config.brand.name, body: brief.body, tone: brief.data.tone ?? 'the brand default', audience: brief.data.audience ?? 'our customers', words: brief.data.words ?? (brief.kind === 'product' ? 300 : 1000) };
  const text = fillTemplate(prompt.template, values);
  const images = await loadImages(brief);
  return {
    task,
    model: prompt.model,
    system: draftSystem(ctx, prompt.cacheTtl),
    messages: [{ role: 'user', content: images.length > 0 ? [...images, { type: 'text', text }] : text }],
    schema: DRAFT_ANSWER_JSON_SCHEMA,
    maxTokens: prompt.maxTokens,
    input,
    meta: { briefId: brief.id, stage: 'draft', promptFile: prompt.file, promptHash: prompt.hash },
  };
}

export const draftStage: Stage = {
  name: 'draft',
  async run(doc, ctx) {
    return applyDraftAnswer(doc, await ctx.call(await buildDraftRequest(doc, ctx)));
  },
};

/** Turns the model's answer into the document (pure): refusals and truncation become flags, never text. */
export function applyDraftAnswer(doc: DraftDoc, answer: ModelAnswer): DraftDoc {
  const flags: ReviewFlag[] = [...doc.flags];
  if (answer.stopReason === 'refusal') {
    flags.push({ rule: 'review/refusal', severity: 'error', message: `The model declined to write this draft (category: ${answer.refusalCategory ?? 'unspecified'}); nothing was written` });
    return { ...doc, model: answer.model, markdown: '', flags, stages: { ...doc.stages, draft: { stopReason: answer.stopReason } } };
  }
  const parsed = draftAnswerSchema.safeParse(answer.json ?? tryJson(answer.text));
  if (!parsed.success) {
    if (answer.stopReason === 'max_tokens') {
      flags.push({ rule: 'review/truncated', severity: 'error', message: 'The model ran out of tokens before finishing the draft; nothing was kept' });
      return { ...doc, model: answer.model, markdown: '', flags, stages: { ...doc.stages, draft: { stopReason: answer.stopReason } } };
    }
    const problem = parsed.error.issues[0];
    throw new DraftAnswerError(`Brief ${doc.job.id}: the draft answer does not match its schema (${problem ? `${problem.path.join('.') || '(root)'}: ${problem.message}` : 'invalid'})`);
  }
  const draft: DraftAnswer = parsed.data;
  if (answer.stopReason === 'max_tokens') {
    flags.push({ rule: 'review/truncated', severity: 'error', message: 'The model ran out of tokens; the end of the draft may be missing' });
  }
  return {
    ...doc,
    title: draft.title.trim() || doc.title,
    markdown: stripLeadingH1(draft.body_markdown),
    description: draft.summary.trim() || doc.description,
    tags: draft.tags.length > 0 ? draft.tags.map((t) => t.toLowerCase().trim()).filter(Boolean) : doc.tags,
    model: answer.model,
    flags,
    stages: { ...doc.stages, draft: { stopReason: answer.stopReason, imageAlts: draft.image_alts ?? [] } },
  };
}

function stripLeadingH1(markdown: string): string {
  const text = markdown.replace(/\r\n?/g, '\n').replace(/^\s*# [^\n]*\n+/, '');
  return text.endsWith('\n') ? text : `${text}\n`;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function loadImages(brief: Brief): Promise<ContentPart[]> {
  if (brief.kind !== 'product') return [];
  const parts: ContentPart[] = [];
  for (const image of brief.data.images ?? []) {
    const bytes = await readFile(resolveImage(path.dirname(path.resolve(brief.file)), image));
    const mediaType = sniffImageType(bytes.subarray(0, 12));
    if (!mediaType) throw new DraftAnswerError(`Brief ${brief.id}: image \`${image}\` is not a JPEG, PNG, GIF or WebP file`);
    parts.push({ type: 'image', mediaType, data: bytes.toString('base64'), source: image });
  }
  return parts;
}
