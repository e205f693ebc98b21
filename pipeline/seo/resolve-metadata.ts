/**
 * Pure decisions of the SEO stage: which proposed fields fail their checks, which answer to keep
 * for each field, and the deterministic repair of whatever still fails.
 */
import { buildSlug, checkMetadata } from './checks/metadata-checks.ts';
import { makeCheck, type MetadataField, type SeoCheck } from './checks/types.ts';
import type { SeoConfig } from './config.ts';
import { composeAltText, composeExcerpt, composeFaq, composeTags, type ComposeContext, repairDescription, repairTitle } from './compose-metadata.ts';
import type { FailedCheck, SeoMetadataAnswer, SeoMetadataInput } from './metadata-answer.ts';
import type { MarkdownAnalysis } from './text/analyse-markdown.ts';
import type { Keyphrase } from './text/keyphrase.ts';

export type ResolveContext = {
  readonly input: SeoMetadataInput;
  readonly keyphrase: Keyphrase;
  readonly analysis: MarkdownAnalysis;
  readonly compose: ComposeContext;
  readonly config: SeoConfig;
};

/** How each metadata field was settled: the model's first answer, its second, or code. */
export type FieldSource = 'model' | 'model-retry' | 'repaired';

export type ResolvedMetadata = {
  readonly answer: SeoMetadataAnswer;
  readonly sources: Readonly<Record<MetadataField, FieldSource>>;
};

const FIELDS: readonly MetadataField[] = ['seo_title', 'description', 'slug', 'images'];

/** Checks on a proposal, per field (the proposed slug here, not the page's fixed one). */
export function checkProposal(answer: SeoMetadataAnswer, c: ResolveContext): SeoCheck[] {
  const { keyphrase, config } = c;
  const missingAlt = c.input.images.filter((src) => !answer.image_alts.some((a) => a.src === src && a.alt.trim() !== ''));
  const fieldChecks = checkMetadata({ seoTitle: answer.seo_title, description: answer.description, slug: answer.slug }, keyphrase, config).filter((check) => check.field);
  const images =
    missingAlt.length > 0
      ? makeCheck('seo/image-alt', 'metadata', 'problem', `No alt text for ${missingAlt.join(', ')}`, { field: 'images' })
      : makeCheck('seo/image-alt', 'metadata', 'good', 'Every image has alt text', { field: 'images' });
  return [...fieldChecks, images];
}

/** The checks a proposal fails (anything not good), as the model is told on its second try. */
export function listFailures(answer: SeoMetadataAnswer | undefined, c: ResolveContext, reason?: string): FailedCheck[] {
  if (!answer) return FIELDS.map((field) => ({ field, rule: 'seo/model-answer', message: reason ?? 'The answer was not usable' }));
  return checkProposal(answer, c).flatMap((check) => (check.grade !== 'good' && check.field ? [{ field: check.field, rule: check.rule, message: check.message }] : []));
}

/** An answer with every field empty. */
export const EMPTY_ANSWER: SeoMetadataAnswer = { seo_title: '', description: '', slug: '', excerpt: '', tags: [], image_alts: [], faq: [] };

function pickField(answer: SeoMetadataAnswer, field: MetadataField): Partial<SeoMetadataAnswer> {
  if (field === 'images') return { image_alts: answer.image_alts };
  return { [field]: answer[field] };
}

/**
 * Settles every field: the first answer where it passed, else the second answer where that passed,
 * else a deterministic repair; fills an empty excerpt, tags and (when asked for) FAQ from the draft.
 */
export function resolveMetadata(first: SeoMetadataAnswer | undefined, second: SeoMetadataAnswer | undefined, c: ResolveContext): ResolvedMetadata {
  const failedFirst = new Set(listFailures(first, c).map((f) => f.field));
  const failedSecond = new Set(listFailures(second, c).map((f) => f.field));
  let answer: SeoMetadataAnswer = { ...EMPTY_ANSWER, ...(first ?? second ?? {}) };
  const sources = {} as Record<MetadataField, FieldSource>;
  for (const field of FIELDS) {
    if (first && !failedFirst.has(field)) {
      sources[field] = 'model';
    } else if (second && !failedSecond.has(field)) {
      answer = { ...answer, ...pickField(second, field) };
      sources[field] = 'model-retry';
    } else {
      const base = second ?? first ?? EMPTY_ANSWER;
      answer = { ...answer, ...repairField(field, base, c) };
      sources[field] = 'repaired';
    }
  }
  return { answer: fillGaps(answer, second, c), sources };
}

function repairField(field: MetadataField, base: SeoMetadataAnswer, c: ResolveContext): Partial<SeoMetadataAnswer> {
  switch (field) {
    case 'seo_title':
      return { seo_title: repairTitle(base.seo_title, c.compose) };
    case 'description':
      return { description: repairDescription(base.description, c.compose) };
    case 'slug':
      return { slug: buildSlug(c.keyphrase, c.config.slug_max_chars) };
    case 'images': {
      const subject = c.input.product?.name ?? c.input.title;
      const alts = c.input.images.map((src) => {
        const proposed = base.image_alts.find((a) => a.src === src && a.alt.trim() !== '');
        const known = c.input.known_alts.find((a) => a.src === src);
        return proposed ?? known ?? { src, alt: composeAltText(src, subject) };
      });
      return { image_alts: alts };
    }
  }
}

function fillGaps(answer: SeoMetadataAnswer, second: SeoMetadataAnswer | undefined, c: ResolveContext): SeoMetadataAnswer {
  const excerpt = answer.excerpt.trim() || second?.excerpt.trim() || composeExcerpt(c.analysis);
  const proposedTags = answer.tags.length > 0 ? answer.tags : (second?.tags ?? []);
  const tags = composeTags(c.input.tags, proposedTags, [c.input.keyphrase, ...c.input.keywords]);
  const proposedFaq = (answer.faq.length > 0 ? answer.faq : (second?.faq ?? [])).filter((f) => f.question.trim() !== '' && f.answer.trim() !== '');
  const faq = c.input.faq ? (proposedFaq.length > 0 ? proposedFaq : composeFaq(c.analysis)) : [];
  // Only the images the brief and the draft name, in their order: a model never adds an image.
  const imageAlts = c.input.images.flatMap((src) => answer.image_alts.filter((a) => a.src === src && a.alt.trim() !== '').slice(0, 1));
  return { ...answer, excerpt, tags, faq, image_alts: imageAlts };
}
