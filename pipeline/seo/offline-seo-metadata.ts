/** The offline model's answer to `seo-metadata`: good metadata composed from the brief and the draft, nothing invented. */
import type { OfflineHandler } from '../models/types.ts';
import { buildSlug } from './checks/metadata-checks.ts';
import {
  composeAltText,
  composeDescription,
  composeExcerpt,
  composeFaq,
  composeTags,
  composeTitle,
  readSentences,
} from './compose-metadata.ts';
import { type SeoMetadataAnswer, seoMetadataInputSchema } from './metadata-answer.ts';
import { analyseMarkdown } from './text/analyse-markdown.ts';
import { parseKeyphrase } from './text/keyphrase.ts';

/** Composes the `seo-metadata` answer deterministically from `request.input`. */
export const offlineSeoMetadata: OfflineHandler = (request) => {
  const parsed = seoMetadataInputSchema.safeParse(request.input);
  if (!parsed.success) {
    throw new TypeError(`seo-metadata (brief ${request.meta.briefId}): the offline model needs the structured input, got: ${parsed.error.issues[0]?.message ?? 'nothing'}`);
  }
  const input = parsed.data;
  const keyphrase = parseKeyphrase(input.keyphrase, input.locale);
  const analysis = analyseMarkdown(input.markdown);
  const limits = input.limits;
  const context = {
    keyphrase,
    title: input.title,
    brand: input.brand,
    sentences: readSentences(analysis),
    limits: {
      titleMaxPx: limits.title_max_px,
      descriptionMinChars: limits.description_min_chars,
      descriptionMaxChars: limits.description_max_chars,
      descriptionMaxKeyphrase: limits.description_max_keyphrase,
    },
  };
  const subject = input.product?.name ?? input.title;
  const answer: SeoMetadataAnswer = {
    seo_title: composeTitle(context),
    description: composeDescription(context),
    slug: buildSlug(keyphrase, limits.slug_max_chars),
    excerpt: composeExcerpt(analysis),
    tags: composeTags(input.tags, [], [input.keyphrase, ...input.keywords]),
    image_alts: input.images.map((src) => ({ src, alt: composeAltText(src, subject) })),
    faq: input.faq ? composeFaq(analysis) : [],
  };
  return { text: JSON.stringify(answer), json: answer };
};
