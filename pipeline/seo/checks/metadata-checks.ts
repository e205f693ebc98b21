/** Checks on the SEO title, meta description and slug (Yoast's boundaries, thresholds from config). */
import type { SeoConfig } from '../config.ts';
import { FUNCTION_WORDS } from '../text/function-words.ts';
import {
  containsKeyphrasePhrase,
  countKeyphraseMatches,
  type Keyphrase,
  shareOfKeyphraseWords,
  splitWords,
  startsWithKeyphrase,
} from '../text/keyphrase.ts';
import { measureTitleWidth } from '../text/title-width.ts';
import { makeCheck, type SeoCheck } from './types.ts';

export type MetadataInput = {
  readonly seoTitle: string;
  readonly description: string;
  readonly slug: string;
};

export type MetadataThresholds = Pick<
  SeoConfig,
  'title_max_px' | 'description_min_chars' | 'description_max_chars' | 'description_max_keyphrase' | 'slug_max_chars'
>;

/** `seo/title-width`: the SEO title fits in `title_max_px` of Arial 20 px (Google's title font). */
export function checkTitleWidth(title: string, cfg: MetadataThresholds): SeoCheck {
  const field = { field: 'seo_title' as const };
  if (title.trim() === '') return makeCheck('seo/title-width', 'metadata', 'problem', 'The SEO title is empty', field);
  const px = Math.round(measureTitleWidth(title));
  if (measureTitleWidth(title) > cfg.title_max_px) {
    return makeCheck('seo/title-width', 'metadata', 'problem', `The SEO title is ${px} px wide; Google shows ${cfg.title_max_px} px`, field);
  }
  return makeCheck('seo/title-width', 'metadata', 'good', `The SEO title is ${px} px wide (at most ${cfg.title_max_px})`, field);
}

/** `seo/title-keyphrase`: the keyphrase opens the SEO title (ok when it is there but later). */
export function checkTitleKeyphrase(title: string, keyphrase: Keyphrase): SeoCheck {
  const field = { field: 'seo_title' as const };
  if (startsWithKeyphrase(title, keyphrase)) {
    return makeCheck('seo/title-keyphrase', 'metadata', 'good', `The SEO title starts with the keyphrase "${keyphrase.text}"`, field);
  }
  if (containsKeyphrasePhrase(title, keyphrase)) {
    return makeCheck('seo/title-keyphrase', 'metadata', 'ok', `The SEO title holds the keyphrase "${keyphrase.text}" but not at the start`, field);
  }
  return makeCheck('seo/title-keyphrase', 'metadata', 'problem', `The SEO title does not contain the keyphrase "${keyphrase.text}"`, field);
}

/** `seo/description-length`: the meta description has `description_min_chars`–`description_max_chars` characters. */
export function checkDescriptionLength(description: string, cfg: MetadataThresholds): SeoCheck {
  const field = { field: 'description' as const };
  const length = [...description.trim()].length;
  if (length === 0) return makeCheck('seo/description-length', 'metadata', 'problem', 'The meta description is empty', field);
  if (length < cfg.description_min_chars) {
    return makeCheck('seo/description-length', 'metadata', 'problem', `The meta description has ${length} characters; use at least ${cfg.description_min_chars}`, field);
  }
  if (length > cfg.description_max_chars) {
    return makeCheck('seo/description-length', 'metadata', 'problem', `The meta description has ${length} characters; Google shows ${cfg.description_max_chars}`, field);
  }
  return makeCheck('seo/description-length', 'metadata', 'good', `The meta description has ${length} characters`, field);
}

/** `seo/description-keyphrase`: the meta description holds the keyphrase once or twice (per sentence, like Yoast). */
export function checkDescriptionKeyphrase(description: string, keyphrase: Keyphrase, cfg: MetadataThresholds): SeoCheck {
  const field = { field: 'description' as const };
  const matches = countDescriptionMatches(description, keyphrase);
  if (matches === 0) {
    return makeCheck('seo/description-keyphrase', 'metadata', 'problem', `The meta description does not contain the keyphrase "${keyphrase.text}"`, field);
  }
  if (matches > cfg.description_max_keyphrase) {
    return makeCheck('seo/description-keyphrase', 'metadata', 'problem', `The meta description holds the keyphrase ${matches} times; at most ${cfg.description_max_keyphrase}`, field);
  }
  return makeCheck('seo/description-keyphrase', 'metadata', 'good', `The meta description holds the keyphrase ${matches === 1 ? 'once' : `${matches} times`}`, field);
}

/** Keyphrase matches in a description, counted sentence by sentence. */
export function countDescriptionMatches(description: string, keyphrase: Keyphrase): number {
  return description
    .split(/(?<=[.!?])\s+/u)
    .reduce((sum, sentence) => sum + countKeyphraseMatches(sentence, keyphrase), 0);
}

/** `seo/slug-length`: at most `slug_max_chars` characters. */
export function checkSlugLength(slug: string, cfg: MetadataThresholds): SeoCheck {
  const field = { field: 'slug' as const };
  if (slug.length > cfg.slug_max_chars) {
    return makeCheck('seo/slug-length', 'metadata', 'problem', `The slug has ${slug.length} characters; at most ${cfg.slug_max_chars}`, field);
  }
  return makeCheck('seo/slug-length', 'metadata', 'good', `The slug has ${slug.length} characters`, field);
}

/** `seo/slug-format`: lowercase ASCII letters and digits joined by single hyphens. */
export function checkSlugFormat(slug: string): SeoCheck {
  const field = { field: 'slug' as const };
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return makeCheck('seo/slug-format', 'metadata', 'good', 'The slug is lowercase ASCII words joined by hyphens', field);
  return makeCheck('seo/slug-format', 'metadata', 'problem', `The slug "${slug}" should be lowercase ASCII words joined by single hyphens`, field);
}

/**
 * `seo/slug-keyphrase`: the slug is made of the keyphrase's words: all content words for 1–2 word
 * keyphrases, more than half for longer ones (Yoast). Only part of them, or function words padding
 * the slug, make it ok; none of them is a problem.
 */
export function checkSlugKeyphrase(slug: string, keyphrase: Keyphrase): SeoCheck {
  const field = { field: 'slug' as const };
  const words = slug.split('-').filter((w) => w.length > 0);
  const share = shareOfKeyphraseWords(words.join(' '), keyphrase);
  const wanted = new Set(keyphrase.stems).size;
  const enough = wanted <= 2 ? share === 1 : share > 0.5;
  if (share === 0) return makeCheck('seo/slug-keyphrase', 'metadata', 'problem', `The slug "${slug}" does not carry the keyphrase "${keyphrase.text}"`, field);
  if (!enough) return makeCheck('seo/slug-keyphrase', 'metadata', 'ok', `The slug "${slug}" carries only part of the keyphrase "${keyphrase.text}"`, field);
  const keyWords = new Set(splitWords(keyphrase.text));
  const padding = words.filter((w) => FUNCTION_WORDS.has(w) && !keyWords.has(w));
  if (padding.length > 0) {
    return makeCheck('seo/slug-keyphrase', 'metadata', 'ok', `The slug carries the keyphrase but is padded with stop words: ${padding.join(', ')}`, field);
  }
  return makeCheck('seo/slug-keyphrase', 'metadata', 'good', 'The slug carries the keyphrase', field);
}

/** `seo/keyphrase-length`: 1–4 content words is good, 5–8 ok, more a problem (Yoast). */
export function checkKeyphraseLength(keyphrase: Keyphrase): SeoCheck {
  const count = keyphrase.stems.length;
  if (count === 0) return makeCheck('seo/keyphrase-length', 'metadata', 'problem', 'No focus keyphrase is set');
  if (count > 8) return makeCheck('seo/keyphrase-length', 'metadata', 'problem', `The keyphrase has ${count} content words; keep it to 4`);
  if (count > 4) return makeCheck('seo/keyphrase-length', 'metadata', 'ok', `The keyphrase has ${count} content words; 4 or fewer work best`);
  return makeCheck('seo/keyphrase-length', 'metadata', 'good', `The keyphrase has ${count} content word${count === 1 ? '' : 's'}`);
}

/** Every metadata check, in a stable order. */
export function checkMetadata(meta: MetadataInput, keyphrase: Keyphrase, cfg: MetadataThresholds): SeoCheck[] {
  return [
    checkKeyphraseLength(keyphrase),
    checkTitleWidth(meta.seoTitle, cfg),
    checkTitleKeyphrase(meta.seoTitle, keyphrase),
    checkDescriptionLength(meta.description, cfg),
    checkDescriptionKeyphrase(meta.description, keyphrase, cfg),
    checkSlugLength(meta.slug, cfg),
    checkSlugFormat(meta.slug),
    checkSlugKeyphrase(meta.slug, keyphrase),
  ];
}

/** Slug built from the keyphrase's words: lowercase ASCII, no stop words, within `maxChars`. */
export function buildSlug(keyphrase: Keyphrase, maxChars: number): string {
  const content = keyphrase.words.filter((w) => !FUNCTION_WORDS.has(w));
  const words = (content.length > 0 ? content : keyphrase.words)
    .map((w) => w.normalize('NFKD').replace(/[^a-z0-9]+/g, ''))
    .filter((w) => w.length > 0);
  let slug = '';
  for (const w of words) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (next.length > maxChars) break;
    slug = next;
  }
  return slug;
}

