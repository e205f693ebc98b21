import { describe, expect, it } from 'vitest';
import { seoConfigSchema } from '../config.ts';
import { analyseMarkdown } from '../text/analyse-markdown.ts';
import { checkBody, checksToFlags, summariseChecks } from './run-checks.ts';

const cfg = seoConfigSchema.parse({});

describe('checkBody', () => {
  it('runs every body check, the target-length check only with a target', () => {
    const analysis = analyseMarkdown('A linen shirt is made for summer.\n');
    expect(checkBody(analysis, { keyphrase: 'linen shirt' }, cfg).map((c) => c.rule)).toEqual([
      'seo/keyphrase-density',
      'seo/keyphrase-intro',
      'seo/keyphrase-subheadings',
      'seo/single-h1',
      'seo/text-length',
      'seo/paragraph-length',
      'seo/sentence-length',
      'seo/passive-voice',
      'seo/image-alt',
    ]);
    expect(checkBody(analysis, { keyphrase: 'linen shirt', targetWords: 300 }, cfg).map((c) => c.rule)).toContain('seo/text-length-target');
  });

  it('leaves out the passive voice outside English and matches the keyphrase word for word', () => {
    const analysis = analyseMarkdown('Une chemise en lin est faite pour l’été.\n');
    const checks = checkBody(analysis, { keyphrase: 'chemise en lin', locale: 'fr-FR' }, cfg);
    expect(checks.map((c) => c.rule)).not.toContain('seo/passive-voice');
    expect(checks.find((c) => c.rule === 'seo/keyphrase-intro')?.grade).toBe('good');
  });
});

describe('checksToFlags and summariseChecks', () => {
  it('flags what is not good, lists further places, and counts grades', () => {
    const place = (line: number) => ({ line, column: 1 });
    const checks = [
      { rule: 'seo/a', scope: 'body' as const, grade: 'good' as const, message: 'fine' },
      { rule: 'seo/b', scope: 'body' as const, grade: 'ok' as const, message: 'close', place: place(2) },
      { rule: 'seo/c', scope: 'body' as const, grade: 'problem' as const, message: 'bad', place: place(3), places: [3, 4, 5, 6, 7, 8, 9, 10].map(place) },
    ];
    expect(checksToFlags(checks)).toEqual([
      { rule: 'seo/b', message: 'close', severity: 'suggestion', line: 2, column: 1 },
      { rule: 'seo/c', message: 'bad (also at lines 4, 5, 6, 7, 8, and 2 more)', severity: 'warning', line: 3, column: 1 },
    ]);
    expect(summariseChecks(checks)).toEqual({ passed: 2, failed: 1, good: 1, ok: 1 });
  });
});
