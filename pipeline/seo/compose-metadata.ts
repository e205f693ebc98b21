/**
 * Deterministic metadata: the repairs applied when the model's proposal still fails its checks,
 * and the composers the offline model uses. Everything is cut or assembled from the inputs
 * (title, keyphrase, brand, draft sentences); nothing new is written.
 */
import { countDescriptionMatches } from './checks/metadata-checks.ts';
import type { MarkdownAnalysis } from './text/analyse-markdown.ts';
import { countKeyphraseMatches, findKeyphraseSpan, type Keyphrase, startsWithKeyphrase } from './text/keyphrase.ts';
import { cutToWidth, measureTitleWidth, trimDangling } from './text/title-width.ts';
import type { FaqEntry } from './metadata-answer.ts';

export type ComposeLimits = {
  readonly titleMaxPx: number;
  readonly descriptionMinChars: number;
  readonly descriptionMaxChars: number;
  readonly descriptionMaxKeyphrase: number;
};

export type ComposeContext = {
  readonly keyphrase: Keyphrase;
  /** The page's H1 title. */
  readonly title: string;
  readonly brand: string;
  /** The draft's sentences in reading order, whitespace collapsed. */
  readonly sentences: readonly string[];
  readonly limits: ComposeLimits;
};

const ELLIPSIS = '…';

/** How far into the text a description may start (in sentences) before it is cut from the opening instead. */
const OPENING_SENTENCES = 4;

/** Upper-cases the first letter. */
export function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The keyphrase as written in the brief, quotes removed, first letter capitalised. */
export function displayKeyphrase(keyphrase: Keyphrase): string {
  return capitaliseFirst(keyphrase.text.replace(/^["“]|["”]$/gu, '').trim());
}

/** Trims separators and trailing function words until nothing changes. */
function trimAllDangling(text: string): string {
  let current = text.trim();
  for (let next = trimDangling(current); next !== current; next = trimDangling(current)) current = next;
  return current;
}

/**
 * Turns "How to choose a linen shirt for summer" into "Linen shirt for summer: How to choose".
 * Only when a function word stands just before the keyphrase, so "Seaside Linen Shirt" stays whole.
 */
function rotateKeyphraseFirst(text: string, keyphrase: Keyphrase): string | undefined {
  const span = findKeyphraseSpan(text, keyphrase);
  if (!span || span.start === 0) return undefined;
  const lead = text.slice(0, span.start).trim();
  const before = trimAllDangling(lead);
  if (before === lead) return undefined;
  const rest = text.slice(span.start).replace(/[\s:;,.|–—-]+$/u, '');
  return before === '' ? capitaliseFirst(rest) : `${capitaliseFirst(rest)}: ${before}`;
}

/** Repairs an SEO title: keyphrase first, within the pixel limit, cut at a word boundary. */
export function repairTitle(candidate: string, c: ComposeContext): string {
  const max = c.limits.titleMaxPx;
  const key = displayKeyphrase(c.keyphrase);
  const passes = (t: string): boolean => t !== '' && measureTitleWidth(t) <= max && startsWithKeyphrase(t, c.keyphrase);
  const options = [candidate.trim(), c.title.trim()].filter((t) => t !== '');
  const tries: string[] = [];
  // Natural forms first (keyphrase already first, or rotated to the front), then the keyphrase as a label.
  for (const option of options) {
    if (startsWithKeyphrase(option, c.keyphrase)) tries.push(cutToWidth(option, max));
    const rotated = rotateKeyphraseFirst(option, c.keyphrase);
    if (rotated) tries.push(cutToWidth(rotated, max));
  }
  const labelled = options.map((option) => cutToWidth(`${key}: ${option}`, max));
  const repeats = (t: string): boolean => countKeyphraseMatches(t, c.keyphrase) > 1;
  tries.push(...labelled.filter((t) => !repeats(t)), ...labelled.filter(repeats));
  tries.push(`${key} | ${c.brand}`, cutToWidth(key, max));
  return tries.find(passes) ?? cutToWidth(key, max);
}

/** Composes an SEO title from the page title (the offline model's answer). */
export function composeTitle(c: ComposeContext): string {
  return repairTitle(c.title, c);
}

const charLength = (text: string): number => [...text].length;

/** Splits a short text into sentences. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function fitsDescription(text: string, c: ComposeContext): boolean {
  const length = charLength(text);
  const matches = countDescriptionMatches(text, c.keyphrase);
  return (
    length >= c.limits.descriptionMinChars &&
    length <= c.limits.descriptionMaxChars &&
    matches >= 1 &&
    matches <= c.limits.descriptionMaxKeyphrase
  );
}

/** First run of consecutive sentences, starting at one of `starts`, that makes a good description. */
function fitSentences(pool: readonly string[], starts: readonly number[], c: ComposeContext): string | undefined {
  for (const start of starts) {
    let text = pool[start] ?? '';
    for (let next = start + 1; ; next += 1) {
      if (fitsDescription(text, c)) return text;
      const sentence = pool[next];
      if (sentence === undefined || charLength(`${text} ${sentence}`) > c.limits.descriptionMaxChars) break;
      text = `${text} ${sentence}`;
    }
  }
  return undefined;
}

/** Cuts text at a word boundary so that it and an ellipsis fit in `maxChars`. */
function cutToChars(text: string, maxChars: number): string {
  if (charLength(text) <= maxChars) return text;
  const chars = [...text].slice(0, maxChars - 1).join('');
  const boundary = chars.lastIndexOf(' ');
  return `${trimAllDangling(boundary > 0 ? chars.slice(0, boundary) : chars)}${ELLIPSIS}`;
}

/**
 * Repairs a meta description: keeps it if it fits; otherwise pads or trims it with whole sentences
 * (its own, then the draft's); as a last resort cuts it at a word boundary with an ellipsis.
 */
export function repairDescription(candidate: string, c: ComposeContext): string {
  const own = splitSentences(candidate.trim());
  if (own.length > 0 && fitsDescription(own.join(' '), c)) return own.join(' ');
  const ownHasKeyphrase = own.length > 0 && countDescriptionMatches(own.join(' '), c.keyphrase) > 0;
  const pool = ownHasKeyphrase ? [...own, ...c.sentences.filter((s) => !own.includes(s))] : [...c.sentences];
  const withKeyphrase = pool.map((s, i) => (countDescriptionMatches(s, c.keyphrase) > 0 ? i : -1)).filter((i) => i >= 0);
  const first = withKeyphrase[0];
  const opening = pool[0] ?? c.title;
  const labelled = [startsWithKeyphrase(opening, c.keyphrase) ? opening : `${displayKeyphrase(c.keyphrase)}: ${opening}`, ...pool.slice(1)];
  // The opening says what the page is about: whole sentences from it first, then the opening cut,
  // then whole sentences from anywhere, then the keyphrase as a label over the opening.
  const attempts: Array<() => string | undefined> = [
    () => fitSentences(pool, withKeyphrase.filter((i) => i < OPENING_SENTENCES), c),
    () => (first !== undefined && first < OPENING_SENTENCES ? padAndCut(pool, first, c) : undefined),
    () => fitSentences(pool, withKeyphrase, c),
    () => (first !== undefined ? padAndCut(pool, first, c) : undefined),
  ];
  for (const attempt of attempts) {
    const description = attempt();
    if (description !== undefined && fitsDescription(description, c)) return description;
  }
  return padAndCut(labelled, 0, c);
}

/** The sentence at `start` and those after it until the minimum length, cut at the maximum. */
function padAndCut(sentences: readonly string[], start: number, c: ComposeContext): string {
  let text = sentences[start] ?? '';
  for (const sentence of sentences.slice(start + 1)) {
    if (charLength(text) >= c.limits.descriptionMinChars) break;
    text = `${text} ${sentence}`;
  }
  return cutToChars(text, c.limits.descriptionMaxChars);
}

/** Composes a meta description from the draft's sentences (the offline model's answer). */
export function composeDescription(c: ComposeContext): string {
  return repairDescription('', c);
}

/** The draft's sentences in reading order (paragraphs only), whitespace collapsed. */
export function readSentences(analysis: MarkdownAnalysis): string[] {
  return analysis.paragraphs.flatMap((p) => p.sentences.map((s) => s.text.replace(/\s+/g, ' ').trim()));
}

/** An excerpt: the opening paragraph's first sentences, up to `maxWords` words (default: `55`). */
export function composeExcerpt(analysis: MarkdownAnalysis, maxWords = 55): string {
  const first = analysis.paragraphs[0];
  if (!first) return '';
  const kept: string[] = [];
  let words = 0;
  for (const sentence of first.sentences) {
    if (kept.length > 0 && words + sentence.words.length > maxWords) break;
    kept.push(sentence.text.replace(/\s+/g, ' ').trim());
    words += sentence.words.length;
  }
  return kept.join(' ');
}

// File-name words that say nothing about the picture.
const CAMERA_WORDS: ReadonlySet<string> = new Set(['img', 'image', 'dsc', 'dscn', 'pxl', 'photo', 'pic', 'final', 'copy', 'edit', 'edited', 'web', 'small', 'large', 'thumb']);

/** Alt text from what is known: the subject and the descriptive words of the file name ("front", "detail"). */
export function composeAltText(src: string, subject: string): string {
  const base = src.split(/[\\/]/).pop()?.replace(/\.[a-z0-9]+$/i, '') ?? '';
  const subjectWords = new Set(subject.toLowerCase().split(/\s+/));
  const words = base
    .split(/[-_.\s]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => /^[a-z]{3,}$/.test(w) && !subjectWords.has(w) && !CAMERA_WORDS.has(w));
  return words.length > 0 ? `${subject}, ${words.join(' ')}` : subject;
}

/** A FAQ from the draft itself: question headings (ending in "?") and the paragraph that answers each. */
export function composeFaq(analysis: MarkdownAnalysis, maxEntries = 5): FaqEntry[] {
  const faq: FaqEntry[] = [];
  analysis.blocks.forEach((block, index) => {
    if (block.kind !== 'heading' || !block.text.trim().endsWith('?') || faq.length >= maxEntries) return;
    const answer = analysis.blocks.slice(index + 1).find((b) => b.kind !== 'cell');
    if (answer?.kind !== 'paragraph') return;
    faq.push({ question: block.text.trim(), answer: answer.sentences.slice(0, 3).map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' ') });
  });
  return faq;
}

/** Tags: the brief's when it names any, else the proposed ones, else the keyphrases; lower case, unique. */
export function composeTags(briefTags: readonly string[], proposed: readonly string[], keyphrases: readonly string[], max = 10): string[] {
  const source = briefTags.length > 0 ? briefTags : proposed.length > 0 ? proposed : keyphrases;
  const tags = source.map((t) => t.toLowerCase().replace(/^["“]|["”]$/gu, '').trim()).filter((t) => t !== '');
  return [...new Set(tags)].slice(0, max);
}
