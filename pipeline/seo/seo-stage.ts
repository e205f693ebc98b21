/**
 * The SEO stage: the model proposes the metadata, code checks it, asks once more for the fields that
 * failed, repairs what still fails, adds structured data, and turns failing body checks into flags.
 * The body is never rewritten, and the page's slug (the output file name) is never changed.
 */
import { z } from 'zod';
import type { DraftDoc, ReviewFlag, Stage, StageContext } from '../document.ts';
import type { ModelAnswer } from '../models/types.ts';
import { fillTemplate, type Prompt } from '../prompts/load-prompts.ts';
import { checkMetadata } from './checks/metadata-checks.ts';
import { checkBody, summariseChecks } from './checks/run-checks.ts';
import type { SeoCheck } from './checks/types.ts';
import { readSentences } from './compose-metadata.ts';
import { flagChecks } from './flag-checks.ts';
import { SEO_METADATA_JSON_SCHEMA, type SeoMetadataAnswer, seoMetadataAnswerSchema, type SeoMetadataInput } from './metadata-answer.ts';
import { EMPTY_ANSWER, listFailures, resolveMetadata, type ResolveContext, type ResolvedMetadata } from './resolve-metadata.ts';
import { buildStructuredData } from './structured-data.ts';
import { analyseMarkdown, type MarkdownAnalysis } from './text/analyse-markdown.ts';
import { parseKeyphrase } from './text/keyphrase.ts';

/** The model task (and prompt file name) of the SEO stage. */
export const SEO_TASK = 'seo-metadata';

/** What the SEO stage leaves in `doc.stages.seo`. */
export type SeoStageResult = {
  readonly passed: number;
  readonly failed: number;
  readonly good: number;
  readonly ok: number;
  readonly checks: readonly SeoCheck[];
  /** How each metadata field was settled. */
  readonly sources: ResolvedMetadata['sources'];
  readonly modelCalls: number;
};

/** The `seo` stage: metadata proposed by the model, checked and repaired by code, plus structured data. */
export const seoStage: Stage = {
  name: 'seo',
  run: runSeoStage,
};

/** Runs the SEO stage on a drafted document. */
export async function runSeoStage(doc: DraftDoc, ctx: StageContext): Promise<DraftDoc> {
  if (!ctx.config.seo.enabled) return doc;
  const prompt = ctx.prompts.load(SEO_TASK);
  const analysis = analyseMarkdown(doc.markdown);
  const input = buildMetadataInput(doc, analysis, ctx);
  const context = buildResolveContext(input, analysis, ctx);
  if (doc.markdown.trim() === '') {
    // Nothing to describe (the draft was refused or cut): no model call, code fills what it can.
    return applySeo(doc, resolveMetadata(undefined, undefined, context), analysis, ctx, { modelCalls: 0, problems: ['the draft is empty'] });
  }

  const first = await askForMetadata(doc, input, prompt, ctx);
  const failures = listFailures(first.answer, context, first.problem);
  const second = failures.length > 0
    ? await askForMetadata(doc, { ...input, retry: { failed: failures, previous: first.answer ?? EMPTY_ANSWER } }, prompt, ctx)
    : undefined;
  const resolved = resolveMetadata(first.answer, second?.answer, context);
  const problems = [first.problem, second?.problem].filter((p): p is string => p !== undefined);
  return applySeo(doc, resolved, analysis, ctx, { modelCalls: second ? 2 : 1, problems });
}

/** The structured input of the `seo-metadata` task. */
export function buildMetadataInput(doc: DraftDoc, analysis: MarkdownAnalysis, ctx: Pick<StageContext, 'config'>): SeoMetadataInput {
  const brief = doc.job.brief;
  const cfg = ctx.config.seo;
  const productImages = brief.kind === 'product' ? (brief.data.images ?? []) : [];
  const bodyImages = analysis.images.filter((i) => i.url !== '').map((i) => i.url);
  return {
    brand: ctx.config.brand.name,
    kind: brief.kind,
    title: doc.title,
    keyphrase: brief.data.keyword,
    locale: brief.data.locale ?? ctx.config.locale,
    keywords: brief.data.keywords ?? [],
    tags: brief.data.tags ?? [],
    faq: brief.data.faq ?? false,
    slug: brief.slug,
    images: [...new Set([...productImages, ...bodyImages])],
    known_alts: readDraftAlts(doc, productImages),
    ...(brief.kind === 'product'
      ? {
          product: {
            name: brief.data.title,
            sku: brief.data.sku,
            price: brief.data.price,
            currency: brief.data.currency,
            ...(brief.data.vendor ? { vendor: brief.data.vendor } : {}),
            ...(brief.data.product_type ? { product_type: brief.data.product_type } : {}),
          },
        }
      : {}),
    markdown: doc.markdown,
    limits: {
      title_max_px: cfg.title_max_px,
      description_min_chars: cfg.description_min_chars,
      description_max_chars: cfg.description_max_chars,
      description_max_keyphrase: cfg.description_max_keyphrase,
      slug_max_chars: cfg.slug_max_chars,
    },
  };
}

const draftStageSchema = z.object({ imageAlts: z.array(z.string()) });

/** The alt texts the draft stage wrote for the brief's images, in order, when it wrote any. */
function readDraftAlts(doc: DraftDoc, images: readonly string[]): Array<{ src: string; alt: string }> {
  const draft = draftStageSchema.safeParse(doc.stages.draft);
  if (!draft.success) return [];
  return images.flatMap((src, i) => {
    const alt = draft.data.imageAlts[i]?.trim();
    return alt ? [{ src, alt }] : [];
  });
}

function buildResolveContext(input: SeoMetadataInput, analysis: MarkdownAnalysis, ctx: Pick<StageContext, 'config'>): ResolveContext {
  const cfg = ctx.config.seo;
  const keyphrase = parseKeyphrase(input.keyphrase, input.locale);
  return {
    input,
    keyphrase,
    analysis,
    config: cfg,
    compose: {
      keyphrase,
      title: input.title,
      brand: input.brand,
      sentences: readSentences(analysis),
      limits: {
        titleMaxPx: cfg.title_max_px,
        descriptionMinChars: cfg.description_min_chars,
        descriptionMaxChars: cfg.description_max_chars,
        descriptionMaxKeyphrase: cfg.description_max_keyphrase,
      },
    },
  };
}

type AskResult = { readonly answer?: SeoMetadataAnswer; readonly problem?: string };

async function askForMetadata(doc: DraftDoc, input: SeoMetadataInput, prompt: Prompt, ctx: StageContext): Promise<AskResult> {
  const text = fillTemplate(prompt.template, templateValues(input));
  const voice = ctx.prompts.text('brand/voice.md').text;
  const role = `You write search metadata for ${input.brand}: titles, descriptions and alt texts that are accurate, plain and specific. You never invent facts, numbers, prices or claims.`;
  const answer = await ctx.call({
    task: SEO_TASK,
    model: prompt.model,
    system: [{ text: `${role}\n\n# The brand voice guide\n\n${voice}`, cache: prompt.cacheTtl }],
    messages: [{ role: 'user', content: text }],
    schema: SEO_METADATA_JSON_SCHEMA,
    maxTokens: prompt.maxTokens,
    input,
    meta: { briefId: doc.job.id, stage: 'seo', promptFile: prompt.file, promptHash: prompt.hash },
  });
  return readAnswer(answer);
}

/** Validates the model's answer; a refusal, truncation or invalid JSON is a problem, not a crash. */
export function readAnswer(answer: ModelAnswer): AskResult {
  if (answer.stopReason === 'refusal') return { problem: `the model declined (category: ${answer.refusalCategory ?? 'unspecified'})` };
  if (answer.stopReason === 'max_tokens') return { problem: 'the model ran out of tokens' };
  const raw = answer.json !== undefined ? { ok: true as const, value: answer.json } : parseJson(answer.text);
  if (!raw.ok) return { problem: raw.reason };
  const parsed = seoMetadataAnswerSchema.safeParse(raw.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `the answer does not match its schema (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})` };
  }
  return { answer: parsed.data };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `the answer is not JSON (${(error as Error).message})` };
  }
}

function templateValues(input: SeoMetadataInput): Record<string, unknown> {
  const { limits, retry, product, ...rest } = input;
  return {
    ...rest,
    ...limits,
    images: input.images.length > 0 ? input.images : 'none',
    known_alts: input.known_alts.length > 0 ? input.known_alts.map((a) => `${a.src}: ${a.alt}`) : 'none',
    tags: input.tags.length > 0 ? input.tags : 'none',
    keywords: input.keywords.length > 0 ? input.keywords : 'none',
    faq: input.faq ? 'yes' : 'no (answer with an empty list)',
    product: product ?? 'none',
    retry: retry
      ? [
          'Your previous answer failed these checks. Fix those fields; keep the others as they were.',
          ...retry.failed.map((f) => `- ${f.field} (${f.rule}): ${f.message}`),
          '',
          'Your previous answer:',
          JSON.stringify(retry.previous, null, 2),
        ].join('\n')
      : '',
  };
}

/** Writes the settled metadata, structured data, check results and flags into the document (pure). */
export function applySeo(
  doc: DraftDoc,
  resolved: ResolvedMetadata,
  analysis: MarkdownAnalysis,
  ctx: Pick<StageContext, 'config' | 'now'>,
  run: { readonly modelCalls: number; readonly problems: readonly string[] },
): DraftDoc {
  const brief = doc.job.brief;
  const cfg = ctx.config.seo;
  const meta = resolved.answer;
  const locale = brief.data.locale ?? ctx.config.locale;
  const keyphrase = parseKeyphrase(brief.data.keyword, locale);
  const metadataChecks = checkMetadata({ seoTitle: meta.seo_title, description: meta.description, slug: brief.slug }, keyphrase, cfg);
  const bodyChecks = checkBody(analysis, { keyphrase: brief.data.keyword, targetWords: brief.data.words, titleIsH1: true, locale }, cfg);
  const checks = [...metadataChecks, ...bodyChecks];
  const suggestion = meta.slug !== brief.slug ? meta.slug : undefined;
  const flags: ReviewFlag[] = flagChecks(checks, analysis, { slugSuggestion: suggestion, imageAlts: meta.image_alts });
  if (brief.data.faq && meta.faq.length === 0) {
    flags.push({ rule: 'seo/faq', severity: 'suggestion', message: 'The brief asks for a FAQ, but neither the model nor the draft gave one (no question headings); no FAQPage was written' });
  }
  for (const problem of run.problems) {
    const what = run.modelCalls === 0 ? 'The model was not asked for metadata' : 'The metadata answer was not usable';
    flags.push({ rule: 'seo/model-answer', severity: 'suggestion', message: `${what} (${problem}); code filled in the fields` });
  }
  const structured = buildStructuredData(
    brief,
    {
      title: doc.title,
      seoTitle: meta.seo_title,
      description: meta.description,
      slug: brief.slug,
      tags: meta.tags,
      keyphrase: brief.data.keyword,
      images: meta.image_alts,
      faq: meta.faq,
    },
    ctx.config,
    ctx.now(),
  );
  const result: SeoStageResult = { ...summariseChecks(checks), checks, sources: resolved.sources, modelCalls: run.modelCalls };
  return {
    ...doc,
    description: meta.description,
    tags: meta.tags,
    flags: [...doc.flags, ...flags],
    stages: { ...doc.stages, seo: result },
    fields: {
      ...doc.fields,
      seo_title: meta.seo_title,
      description: meta.description,
      slug: brief.slug,
      keyphrase: brief.data.keyword,
      tags: meta.tags,
      excerpt: meta.excerpt,
      ...(suggestion ? { slug_suggestion: suggestion } : {}),
      ...(meta.image_alts.length > 0 ? { image_alts: meta.image_alts } : {}),
      ...(meta.faq.length > 0 ? { faq: meta.faq } : {}),
      jsonld: structured.jsonld,
      og: structured.og,
      twitter: structured.twitter,
    },
  };
}
