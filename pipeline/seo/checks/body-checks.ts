/** Checks on the draft body: keyphrase use, structure and readability (Yoast's boundaries, thresholds from config). */
import type { SeoConfig } from '../config.ts';
import type { MarkdownAnalysis, SentenceInfo, TextBlock } from '../text/analyse-markdown.ts';
import { countKeyphraseMatches, type Keyphrase, shareOfKeyphraseWords } from '../text/keyphrase.ts';
import { formatPercent, makeCheck, type SeoCheck } from './types.ts';

export type BodyThresholds = Omit<SeoConfig, 'breadcrumbs'>;

/** Keyphrase matches in the whole text, sentence by sentence (headings included, as Yoast counts). */
export function countTextMatches(analysis: MarkdownAnalysis, keyphrase: Keyphrase): number {
  return analysis.blocks.reduce((sum, b) => sum + b.sentences.reduce((s, x) => s + countKeyphraseMatches(x.words, keyphrase), 0), 0);
}

/**
 * `seo/keyphrase-density`: keyphrase matches per 100 words within `density_min`–`density_max`
 * for texts of `density_min_words`+ words; shorter texts only need one match.
 */
export function checkKeyphraseDensity(analysis: MarkdownAnalysis, keyphrase: Keyphrase, cfg: BodyThresholds): SeoCheck {
  const matches = countTextMatches(analysis, keyphrase);
  const words = analysis.wordCount;
  if (matches === 0) return makeCheck('seo/keyphrase-density', 'body', 'problem', `The keyphrase "${keyphrase.text}" is not in the text`);
  if (words < cfg.density_min_words) {
    return makeCheck('seo/keyphrase-density', 'body', 'good', `The keyphrase appears ${matches} times in a short text (${words} words)`);
  }
  const density = (matches * 100) / words;
  const measured = `The keyphrase appears ${matches} times in ${words} words (${formatPercent(density)})`;
  if (density < cfg.density_min) return makeCheck('seo/keyphrase-density', 'body', 'problem', `${measured}; aim for at least ${cfg.density_min}%`);
  if (density > cfg.density_max) return makeCheck('seo/keyphrase-density', 'body', 'problem', `${measured}; more than ${cfg.density_max}% reads as stuffing`);
  return makeCheck('seo/keyphrase-density', 'body', 'good', measured);
}

/** `seo/keyphrase-intro`: the keyphrase's words in one sentence of the first paragraph (ok when spread over it). */
export function checkKeyphraseIntro(analysis: MarkdownAnalysis, keyphrase: Keyphrase): SeoCheck {
  const first = analysis.paragraphs[0];
  if (!first) return makeCheck('seo/keyphrase-intro', 'body', 'problem', 'The text has no opening paragraph');
  const places = [first.place];
  if (first.sentences.some((s) => countKeyphraseMatches(s.words, keyphrase) > 0)) {
    return makeCheck('seo/keyphrase-intro', 'body', 'good', 'The first paragraph uses the keyphrase', { places });
  }
  if (shareOfKeyphraseWords(first.text, keyphrase) === 1) {
    return makeCheck('seo/keyphrase-intro', 'body', 'ok', `The first paragraph has the keyphrase's words, but not in one sentence`, { places });
  }
  return makeCheck('seo/keyphrase-intro', 'body', 'problem', `The first paragraph does not use the keyphrase "${keyphrase.text}"`, { places });
}

/** True when a heading reflects the topic: at least half the keyphrase's content words (Yoast); all of an exact keyphrase. */
export function headingReflectsKeyphrase(heading: TextBlock, keyphrase: Keyphrase): boolean {
  const share = shareOfKeyphraseWords(heading.text, keyphrase);
  return keyphrase.exact ? share === 1 && countKeyphraseMatches(heading.text, keyphrase) > 0 : share >= 0.5;
}

/** `seo/keyphrase-subheadings`: the keyphrase (or its words) in `subheadings_min`–`subheadings_max` % of H2/H3 headings. */
export function checkKeyphraseSubheadings(analysis: MarkdownAnalysis, keyphrase: Keyphrase, cfg: BodyThresholds): SeoCheck {
  const subheadings = analysis.headings.filter((h) => h.depth === 2 || h.depth === 3);
  if (subheadings.length === 0) {
    return analysis.wordCount > cfg.text_min_words
      ? makeCheck('seo/keyphrase-subheadings', 'body', 'problem', `The text has ${analysis.wordCount} words and no H2/H3 subheadings`)
      : makeCheck('seo/keyphrase-subheadings', 'body', 'good', 'The text is short enough to go without subheadings');
  }
  const reflecting = subheadings.filter((h) => headingReflectsKeyphrase(h, keyphrase));
  const share = (reflecting.length * 100) / subheadings.length;
  const measured = `${reflecting.length} of ${subheadings.length} H2/H3 subheadings (${formatPercent(share)}) use the keyphrase`;
  if (subheadings.length === 1 && reflecting.length === 1) return makeCheck('seo/keyphrase-subheadings', 'body', 'good', 'The only subheading uses the keyphrase');
  if (share < cfg.subheadings_min) {
    const places = subheadings.filter((h) => !reflecting.includes(h)).map((h) => h.place);
    return makeCheck('seo/keyphrase-subheadings', 'body', 'problem', `${measured}; aim for at least ${cfg.subheadings_min}%`, { places });
  }
  if (share > cfg.subheadings_max) {
    return makeCheck('seo/keyphrase-subheadings', 'body', 'problem', `${measured}; more than ${cfg.subheadings_max}% is over-optimised`, { places: reflecting.map((h) => h.place) });
  }
  return makeCheck('seo/keyphrase-subheadings', 'body', 'good', measured);
}

/** `seo/single-h1`: at most one H1; the page title is the H1, so a body with a title allows none. */
export function checkSingleH1(analysis: MarkdownAnalysis, titleIsH1: boolean): SeoCheck {
  const h1s = analysis.headings.filter((h) => h.depth === 1);
  const allowed = titleIsH1 ? 0 : 1;
  if (h1s.length > allowed) {
    const message = titleIsH1
      ? `The body has ${h1s.length} H1 heading${h1s.length === 1 ? '' : 's'}; the title is the page's only H1, use H2`
      : `The text has ${h1s.length} H1 headings; keep one`;
    return makeCheck('seo/single-h1', 'body', 'problem', message, { places: h1s.map((h) => h.place) });
  }
  return makeCheck('seo/single-h1', 'body', 'good', 'The page has a single H1');
}

/** `seo/text-length`: at least `text_min_words` words (ok from `text_min_words_ok`). */
export function checkTextLength(analysis: MarkdownAnalysis, cfg: BodyThresholds): SeoCheck {
  const words = analysis.wordCount;
  if (words >= cfg.text_min_words) return makeCheck('seo/text-length', 'body', 'good', `The text has ${words} words`);
  const grade = words >= cfg.text_min_words_ok ? 'ok' : 'problem';
  return makeCheck('seo/text-length', 'body', grade, `The text has ${words} words; the minimum is ${cfg.text_min_words}`);
}

/** `seo/text-length-target`: within ±`text_target_tolerance` % of the brief's `words`. */
export function checkTextTarget(analysis: MarkdownAnalysis, targetWords: number, cfg: BodyThresholds): SeoCheck {
  const words = analysis.wordCount;
  const deviation = (Math.abs(words - targetWords) * 100) / targetWords;
  const measured = `The text has ${words} words against the brief's ${targetWords}`;
  if (deviation > cfg.text_target_tolerance) {
    return makeCheck('seo/text-length-target', 'body', 'problem', `${measured} (${words < targetWords ? '-' : '+'}${formatPercent(deviation)}; allowed ±${cfg.text_target_tolerance}%)`);
  }
  return makeCheck('seo/text-length-target', 'body', 'good', measured);
}

/** `seo/paragraph-length`: no paragraph over `paragraph_max_words` words (ok up to `paragraph_max_words_ok`). */
export function checkParagraphLength(analysis: MarkdownAnalysis, cfg: BodyThresholds): SeoCheck {
  const long = analysis.paragraphs.filter((p) => p.wordCount > cfg.paragraph_max_words);
  if (long.length === 0) return makeCheck('seo/paragraph-length', 'body', 'good', `No paragraph is over ${cfg.paragraph_max_words} words`);
  const longest = Math.max(...long.map((p) => p.wordCount));
  const grade = longest > cfg.paragraph_max_words_ok ? 'problem' : 'ok';
  const message = `${long.length} paragraph${long.length === 1 ? ' is' : 's are'} over ${cfg.paragraph_max_words} words (longest: ${longest})`;
  return makeCheck('seo/paragraph-length', 'body', grade, message, { places: long.map((p) => p.place) });
}

function bodySentences(analysis: MarkdownAnalysis): SentenceInfo[] {
  return analysis.paragraphs.flatMap((p) => p.sentences);
}

/** Grades a share against a good and an ok ceiling. */
function gradeShare(share: number, max: number, maxOk: number): 'good' | 'ok' | 'problem' {
  if (share <= max) return 'good';
  return share <= maxOk ? 'ok' : 'problem';
}

/** `seo/sentence-length`: at most `long_sentences_max` % of sentences longer than `sentence_max_words` words. */
export function checkSentenceLength(analysis: MarkdownAnalysis, cfg: BodyThresholds): SeoCheck {
  const sentences = bodySentences(analysis);
  if (sentences.length === 0) return makeCheck('seo/sentence-length', 'body', 'good', 'The text has no sentences to measure');
  const long = sentences.filter((s) => s.words.length > cfg.sentence_max_words);
  const share = (long.length * 100) / sentences.length;
  const grade = gradeShare(share, cfg.long_sentences_max, cfg.long_sentences_max_ok);
  const message = `${long.length} of ${sentences.length} sentences (${formatPercent(share)}) are over ${cfg.sentence_max_words} words; at most ${cfg.long_sentences_max}%`;
  return makeCheck('seo/sentence-length', 'body', grade, message, grade === 'good' ? {} : { places: long.map((s) => s.place) });
}

/** `seo/passive-voice`: at most `passive_max` % of sentences in the passive voice. */
export function checkPassiveVoice(analysis: MarkdownAnalysis, cfg: BodyThresholds): SeoCheck {
  const sentences = bodySentences(analysis);
  if (sentences.length === 0) return makeCheck('seo/passive-voice', 'body', 'good', 'The text has no sentences to measure');
  const passive = sentences.filter((s) => s.passive);
  const share = (passive.length * 100) / sentences.length;
  const grade = gradeShare(share, cfg.passive_max, cfg.passive_max_ok);
  const message = `${passive.length} of ${sentences.length} sentences (${formatPercent(share)}) use the passive voice; at most ${cfg.passive_max}%`;
  return makeCheck('seo/passive-voice', 'body', grade, message, grade === 'good' ? {} : { places: passive.map((s) => s.place) });
}

/** `seo/image-alt`: every image in the body has alt text. */
export function checkImageAlt(analysis: MarkdownAnalysis): SeoCheck {
  const missing = analysis.images.filter((i) => i.alt.trim() === '');
  if (missing.length === 0) {
    const count = analysis.images.length;
    return makeCheck('seo/image-alt', 'body', 'good', count === 0 ? 'The text has no images' : `All ${count} images have alt text`);
  }
  const list = missing.map((i) => i.url || '(no source)').join(', ');
  return makeCheck('seo/image-alt', 'body', 'problem', `${missing.length} image${missing.length === 1 ? ' has' : 's have'} no alt text: ${list}`, { places: missing.map((i) => i.place) });
}
