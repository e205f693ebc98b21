import { describe, expect, it } from 'vitest';
import { seoConfigSchema } from '../config.ts';
import { analyseMarkdown, type MarkdownAnalysis } from '../text/analyse-markdown.ts';
import { parseKeyphrase } from '../text/keyphrase.ts';
import {
  checkImageAlt,
  checkKeyphraseDensity,
  checkKeyphraseIntro,
  checkKeyphraseSubheadings,
  checkParagraphLength,
  checkPassiveVoice,
  checkSentenceLength,
  checkSingleH1,
  checkTextLength,
  checkTextTarget,
} from './body-checks.ts';

const cfg = seoConfigSchema.parse({});
const kp = parseKeyphrase('linen shirt');

// Ten words each.
const KEY = 'Our linen shirt keeps you cool on the hottest days.';
const FILL = 'We sew every chore jacket by hand in our workshop.';
const PASSIVE = 'Every chore jacket is sewn by hand in our workshop.';
const LONG = 'We sew every chore jacket by hand in our small workshop near the old harbor in Portland, Maine, for most of the year.'; // 23 words

/** Paragraphs of five sentences from a list of sentences. */
function paragraphs(sentences: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) out.push(sentences.slice(i, i + 5).join(' '));
  return out.join('\n\n');
}

/** An analysed text built directly (no parsing): fast enough for 10,000-word boundary cases. */
function syntheticAnalysis(sentences: readonly string[], headings: readonly string[] = []): MarkdownAnalysis {
  const place = { line: 1, column: 1 };
  const toSentence = (text: string) => ({ text, words: text.replace(/[.,]/g, '').split(' '), passive: false, place });
  const paragraph = { kind: 'paragraph' as const, depth: 0, text: sentences.join(' '), wordCount: 0, sentences: sentences.map(toSentence), place };
  const withCount = { ...paragraph, wordCount: paragraph.sentences.reduce((n, x) => n + x.words.length, 0) };
  const heads = headings.map((text) => ({ kind: 'heading' as const, depth: 2, text, wordCount: 0, sentences: [], place }));
  return { blocks: [withCount, ...heads], paragraphs: [withCount], headings: heads, links: [], images: [], wordCount: withCount.wordCount };
}

/** `total` ten-word sentences, `withKey` of them holding the keyphrase once. */
function textWithDensity(withKey: number, total: number): string {
  return paragraphs(Array.from({ length: total }, (_, i) => (i < withKey ? KEY : FILL)));
}

describe('seo/keyphrase-density', () => {
  it.each([
    ['0.49%', 49, 1000, 'problem'],
    ['0.5%', 50, 1000, 'good'],
    ['3%', 300, 1000, 'good'],
    ['3.01%', 301, 1000, 'problem'],
  ])('density %s (%i of %i ten-word sentences) → %s', (_label, withKey, total, grade) => {
    const analysis = syntheticAnalysis(Array.from({ length: total }, (_, i) => (i < withKey ? KEY : FILL)));
    expect(analysis.wordCount).toBe(total * 10);
    expect(checkKeyphraseDensity(analysis, kp, cfg).grade).toBe(grade);
  });

  it.each([
    ['0.5%', 1, 20, 'good'],
    ['3%', 3, 10, 'good'],
  ])('density %s in parsed Markdown (%i of %i sentences) → %s', (_label, withKey, total, grade) => {
    const analysis = analyseMarkdown(textWithDensity(withKey, total));
    expect(analysis.wordCount).toBe(total * 10);
    expect(checkKeyphraseDensity(analysis, kp, cfg).grade).toBe(grade);
  });

  it('needs one match in texts under 100 words', () => {
    expect(checkKeyphraseDensity(analyseMarkdown(FILL), kp, cfg).grade).toBe('problem');
    expect(checkKeyphraseDensity(analyseMarkdown(`${KEY} ${KEY}`), kp, cfg).grade).toBe('good');
  });
});

describe('seo/keyphrase-subheadings', () => {
  /** 100 H2 sections, `reflecting` of them with the keyphrase's words in the heading. */
  function withHeadings(reflecting: number, total = 100): string {
    return Array.from({ length: total }, (_, i) => `## ${i < reflecting ? 'Linen care' : 'Workshop notes'}\n\n${FILL}`).join('\n\n');
  }

  it.each([
    [29, 'problem'],
    [30, 'good'],
    [75, 'good'],
    [76, 'problem'],
  ])('%i per cent of H2/H3 headings → %s', (reflecting, grade) => {
    const headings = Array.from({ length: 100 }, (_, i) => (i < reflecting ? 'Linen care' : 'Workshop notes'));
    const check = checkKeyphraseSubheadings(syntheticAnalysis([FILL], headings), kp, cfg);
    expect(check.grade).toBe(grade);
  });

  it.each([
    [3, 10, 'good'],
    [2, 7, 'problem'],
  ])('%i of %i parsed Markdown headings → %s', (reflecting, total, grade) => {
    expect(checkKeyphraseSubheadings(analyseMarkdown(withHeadings(reflecting, total)), kp, cfg).grade).toBe(grade);
  });

  it('points at the headings to change', () => {
    const check = checkKeyphraseSubheadings(analyseMarkdown(withHeadings(1, 10)), kp, cfg);
    expect(check.place).toEqual({ line: 5, column: 1 });
    expect(check.places).toHaveLength(9);
  });

  it('accepts a single reflecting subheading and a short text without any', () => {
    expect(checkKeyphraseSubheadings(analyseMarkdown(`## Linen shirts\n\n${KEY}`), kp, cfg).grade).toBe('good');
    expect(checkKeyphraseSubheadings(analyseMarkdown(KEY), kp, cfg).grade).toBe('good');
    expect(checkKeyphraseSubheadings(analyseMarkdown(textWithDensity(3, 40)), kp, cfg).grade).toBe('problem');
  });
});

describe('seo/keyphrase-intro', () => {
  it('wants the keyphrase in one sentence of the first paragraph', () => {
    expect(checkKeyphraseIntro(analyseMarkdown(`${KEY}\n\n${FILL}`), kp).grade).toBe('good');
    expect(checkKeyphraseIntro(analyseMarkdown('Linen breathes. A shirt should too.'), kp).grade).toBe('ok');
    const late = checkKeyphraseIntro(analyseMarkdown(`${FILL}\n\n${KEY}`), kp);
    expect(late).toMatchObject({ grade: 'problem', place: { line: 1, column: 1 } });
  });
});

describe('seo/single-h1', () => {
  it('allows no H1 in a body whose title is the H1', () => {
    expect(checkSingleH1(analyseMarkdown(`## A\n\n${FILL}`), true).grade).toBe('good');
    const check = checkSingleH1(analyseMarkdown(`${FILL}\n\n# Another title`), true);
    expect(check).toMatchObject({ grade: 'problem', place: { line: 3, column: 1 } });
    expect(checkSingleH1(analyseMarkdown(`# Title\n\n${FILL}`), false).grade).toBe('good');
  });
});

describe('text length', () => {
  it.each([
    [24, 'problem'],
    [25, 'ok'],
    [29, 'ok'],
    [30, 'good'],
  ])('%i ten-word sentences → %s', (sentences, grade) => {
    expect(checkTextLength(analyseMarkdown(textWithDensity(0, sentences)), cfg).grade).toBe(grade);
  });

  it('stays within ±20% of the brief', () => {
    const analysis = analyseMarkdown(textWithDensity(0, 100)); // 1000 words
    expect(checkTextTarget(analysis, 1250, cfg).grade).toBe('good');
    expect(checkTextTarget(analysis, 834, cfg).grade).toBe('good');
    expect(checkTextTarget(analysis, 1251, cfg).grade).toBe('problem');
    expect(checkTextTarget(analysis, 833, cfg).grade).toBe('problem');
  });
});

describe('seo/paragraph-length', () => {
  const paragraphOf = (words: number) => `${'word '.repeat(words).trim()}.`;
  it.each([
    [150, 'good'],
    [151, 'ok'],
    [200, 'ok'],
    [201, 'problem'],
  ])('a %i-word paragraph → %s', (words, grade) => {
    const check = checkParagraphLength(analyseMarkdown(`${FILL}\n\n${paragraphOf(words)}`), cfg);
    expect(check.grade).toBe(grade);
    if (grade !== 'good') expect(check.place).toEqual({ line: 3, column: 1 });
  });
});

describe('seo/sentence-length', () => {
  const mix = (long: number, total: number) => paragraphs(Array.from({ length: total }, (_, i) => (i < long ? LONG : FILL)));
  it.each([
    [25, 'good'],
    [26, 'ok'],
    [30, 'ok'],
    [31, 'problem'],
  ])('%i per cent long sentences → %s', (long, grade) => {
    const check = checkSentenceLength(analyseMarkdown(mix(long, 100)), cfg);
    expect(check.grade).toBe(grade);
    if (grade !== 'good') expect(check.places).toHaveLength(long);
  });
});

describe('seo/passive-voice', () => {
  const mix = (passive: number, total: number) => paragraphs(Array.from({ length: total }, (_, i) => (i < passive ? PASSIVE : FILL)));
  it.each([
    [10, 'good'],
    [11, 'ok'],
    [15, 'ok'],
    [16, 'problem'],
  ])('%i per cent passive sentences → %s', (passive, grade) => {
    expect(checkPassiveVoice(analyseMarkdown(mix(passive, 100)), cfg).grade).toBe(grade);
  });
});

describe('seo/image-alt', () => {
  it('flags every image without alt text at its position', () => {
    const md = `![Seaside Linen Shirt, front](a.jpg)\n\n![](b.jpg)\n\n<img src="c.jpg">`;
    const check = checkImageAlt(analyseMarkdown(md));
    expect(check.grade).toBe('problem');
    expect(check.places).toEqual([
      { line: 3, column: 1 },
      { line: 5, column: 1 },
    ]);
    expect(checkImageAlt(analyseMarkdown('![Front view](a.jpg)')).grade).toBe('good');
  });
});
