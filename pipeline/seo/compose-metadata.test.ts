import { describe, expect, it } from 'vitest';
import { checkDescriptionKeyphrase, checkDescriptionLength, checkTitleKeyphrase, checkTitleWidth } from './checks/metadata-checks.ts';
import { seoConfigSchema } from './config.ts';
import { composeAltText, composeDescription, composeExcerpt, composeTags, type ComposeContext, repairDescription, repairTitle } from './compose-metadata.ts';
import { analyseMarkdown } from './text/analyse-markdown.ts';
import { parseKeyphrase } from './text/keyphrase.ts';

const cfg = seoConfigSchema.parse({});
const limits = { titleMaxPx: 600, descriptionMinChars: 120, descriptionMaxChars: 156, descriptionMaxKeyphrase: 2 };

function contextFor(sentences: string[], keyphrase = 'linen shirt', title = 'How to choose a linen shirt for summer'): ComposeContext {
  return { keyphrase: parseKeyphrase(keyphrase), title, brand: 'Harbor & Pine', sentences, limits };
}

const grades = (description: string, c: ComposeContext) => [checkDescriptionLength(description, cfg).grade, checkDescriptionKeyphrase(description, c.keyphrase, cfg).grade];

describe('composeDescription', () => {
  // Drafts whose sentences are short, long, or of mixed length; each holds the keyphrase somewhere.
  const words = 'we cut every piece from flax woven in small mills and sew it by hand in our workshop by the harbor'.split(' ');
  const sentence = (n: number, key = false) => {
    const body = Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
    return `${key ? 'A linen shirt ' : 'It '}${body}.`;
  };
  const drafts: Array<[string, string[]]> = [
    ['short sentences', [sentence(3, true), sentence(4), sentence(2), sentence(5), sentence(3), sentence(6)]],
    ['one very long sentence', [sentence(60, true), sentence(8)]],
    ['key sentence late', [sentence(12), sentence(14), sentence(10), sentence(12), sentence(11), sentence(9, true), sentence(7)]],
    ['medium sentences', [sentence(9, true), sentence(16), sentence(12), sentence(20)]],
  ];

  it.each(drafts)('fits 120–156 characters with the keyphrase: %s', (_name, sentences) => {
    const c = contextFor(sentences);
    const description = composeDescription(c);
    expect(grades(description, c)).toEqual(['good', 'good']);
  });

  it('labels the text with the keyphrase when no sentence holds it', () => {
    const c = contextFor([sentence(10), sentence(12), sentence(9)]);
    const description = composeDescription(c);
    expect(description.startsWith('Linen shirt: It we cut')).toBe(true);
    expect(grades(description, c)).toEqual(['good', 'good']);
  });

  it('never labels a text that already opens with the keyphrase', () => {
    const c = contextFor([]);
    expect(repairDescription('Linen shirt: how to choose one.', c)).toBe('Linen shirt: how to choose one.');
    expect(composeDescription(c)).toBe('Linen shirt: How to choose a linen shirt for summer');
  });

  it('keeps a good candidate and pads a short one with whole sentences from the draft', () => {
    const c = contextFor([sentence(10), sentence(8), sentence(9)]);
    const good = 'Our linen shirt guide covers fabric weight, fit and care, so you can choose one that keeps you cool and lasts for many summers to come.';
    expect(repairDescription(good, c)).toBe(good);
    const padded = repairDescription('Choosing a linen shirt, briefly.', c);
    expect(padded.startsWith('Choosing a linen shirt, briefly. It we cut')).toBe(true);
    expect(grades(padded, c)).toEqual(['good', 'good']);
  });
});

describe('repairTitle', () => {
  const check = (title: string, c: ComposeContext) => [checkTitleWidth(title, cfg).grade, checkTitleKeyphrase(title, c.keyphrase).grade];

  it('moves the keyphrase first, cuts to the pixel limit, and keeps good titles', () => {
    const c = contextFor([]);
    expect(repairTitle('Linen shirt guide: weight, fit and care', c)).toBe('Linen shirt guide: weight, fit and care');
    expect(repairTitle('How to choose a linen shirt for summer', c)).toBe('Linen shirt for summer: How to choose');
    const long = repairTitle('Linen shirt guide for the long hot summer, with notes on weight, weave, fit, care, storage and mending', c);
    expect(check(long, c)).toEqual(['good', 'good']);
    expect(long.startsWith('Linen shirt guide for the long hot summer, with notes on')).toBe(true);
    expect(repairTitle('Summer shirts made of flax', contextFor([], 'linen shirt', 'Summer shirts'))).toBe('Linen shirt: Summer shirts made of flax');
  });
});

describe('small composers', () => {
  it('writes alt texts, excerpts and tags from the inputs only', () => {
    expect(composeAltText('images/ls-001-front.jpg', 'Seaside Linen Shirt')).toBe('Seaside Linen Shirt, front');
    expect(composeAltText('images/IMG_2041.JPG', 'Seaside Linen Shirt')).toBe('Seaside Linen Shirt');
    const analysis = analyseMarkdown(`${'One two three four five six seven eight nine ten. '.repeat(6)}\n\nLater.`);
    expect(composeExcerpt(analysis).split(' ')).toHaveLength(50);
    expect(composeTags([], ['Linen', 'linen ', 'Summer'], ['linen shirt'])).toEqual(['linen', 'summer']);
    expect(composeTags(['Guides'], ['linen'], [])).toEqual(['guides']);
    expect(composeTags([], [], ['"linen shirt"', 'summer shirt'])).toEqual(['linen shirt', 'summer shirt']);
  });
});
