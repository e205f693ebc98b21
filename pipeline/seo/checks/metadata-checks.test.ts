import { describe, expect, it } from 'vitest';
import { seoConfigSchema } from '../config.ts';
import { parseKeyphrase } from '../text/keyphrase.ts';
import { measureTitleWidth } from '../text/title-width.ts';
import {
  buildSlug,
  checkDescriptionKeyphrase,
  checkDescriptionLength,
  checkKeyphraseLength,
  checkMetadata,
  checkSlugFormat,
  checkSlugKeyphrase,
  checkSlugLength,
  checkTitleKeyphrase,
  checkTitleWidth,
} from './metadata-checks.ts';

const cfg = seoConfigSchema.parse({});
const kp = parseKeyphrase('linen shirt');

/** A description of exactly `length` characters holding the keyphrase once. */
function descriptionOf(length: number): string {
  const base = 'A linen shirt from Harbor & Pine is cut from European flax, garment-washed for a soft hand';
  const padded = `${base}${' and a relaxed summer fit'.repeat(4)}`;
  return `${padded.slice(0, length - 1).trimEnd().padEnd(length - 1, 'x')}.`;
}

/** The widest title under `limit` px and the same title one letter over it. */
function titlesAround(limit: number): [string, string] {
  let title = 'Linen shirt guide for hot summer days';
  while (measureTitleWidth(`${title}s`) <= limit) title += 's';
  return [title, `${title}s`];
}

describe('seo/title-width', () => {
  it('passes a title just under 600 px and fails one just over', () => {
    const [under, over] = titlesAround(600);
    expect(measureTitleWidth(under)).toBeLessThanOrEqual(600);
    expect(measureTitleWidth(under)).toBeGreaterThan(590);
    expect(measureTitleWidth(over)).toBeGreaterThan(600);
    expect(checkTitleWidth(under, cfg).grade).toBe('good');
    expect(checkTitleWidth(over, cfg)).toMatchObject({ grade: 'problem', rule: 'seo/title-width', field: 'seo_title' });
  });

  it('judges pixels, not characters: 60 narrow letters fit, 40 wide ones do not', () => {
    expect(checkTitleWidth('Linen shirt ' + 'l'.repeat(60), cfg).grade).toBe('good');
    expect(checkTitleWidth('Linen shirt ' + 'W'.repeat(40), cfg).grade).toBe('problem');
  });
});

describe('seo/title-keyphrase', () => {
  it('wants the keyphrase first', () => {
    expect(checkTitleKeyphrase('Linen shirts: weights, fit, care', kp).grade).toBe('good');
    expect(checkTitleKeyphrase('How to wear a linen shirt', kp).grade).toBe('ok');
    expect(checkTitleKeyphrase('Summer shirts made of flax', kp).grade).toBe('problem');
  });
});

describe('seo/description-length', () => {
  it.each([
    [119, 'problem'],
    [120, 'good'],
    [156, 'good'],
    [157, 'problem'],
  ])('%i characters → %s', (length, grade) => {
    const description = descriptionOf(length);
    expect([...description].length).toBe(length);
    expect(checkDescriptionLength(description, cfg).grade).toBe(grade);
    expect(checkDescriptionKeyphrase(description, kp, cfg).grade).toBe('good');
  });
});

describe('seo/description-keyphrase', () => {
  it('wants the keyphrase once or twice', () => {
    expect(checkDescriptionKeyphrase('Summer shirts of flax.', kp, cfg).grade).toBe('problem');
    expect(checkDescriptionKeyphrase('A linen shirt. Another linen shirt.', kp, cfg).grade).toBe('good');
    expect(checkDescriptionKeyphrase('Linen shirt. Linen shirt. Linen shirt.', kp, cfg).grade).toBe('problem');
  });
});

describe('slug checks', () => {
  it('checks length at 75/76 characters', () => {
    expect(checkSlugLength('a'.repeat(75), cfg).grade).toBe('good');
    expect(checkSlugLength('a'.repeat(76), cfg).grade).toBe('problem');
  });

  it('wants lowercase ASCII words and single hyphens', () => {
    expect(checkSlugFormat('linen-shirt-guide').grade).toBe('good');
    for (const bad of ['Linen-shirt', 'linen--shirt', 'linen_shirt', 'lin\u00e9n-shirt', '-linen']) {
      expect(checkSlugFormat(bad).grade).toBe('problem');
    }
  });

  it('wants the keyphrase words without stop-word padding', () => {
    expect(checkSlugKeyphrase('linen-shirts', kp).grade).toBe('good');
    expect(checkSlugKeyphrase('how-to-choose-a-linen-shirt', kp).grade).toBe('ok');
    expect(checkSlugKeyphrase('summer-guide', kp).grade).toBe('problem');
    expect(checkSlugKeyphrase('linen-guide', kp).grade).toBe('ok');
    const long = parseKeyphrase('merino crew neck sweater');
    expect(checkSlugKeyphrase('pine-ridge-merino-crew', long).grade).toBe('ok');
    expect(checkSlugKeyphrase('merino-crew-sweater', long).grade).toBe('good');
  });

  it('builds a slug from the keyphrase words', () => {
    expect(buildSlug(parseKeyphrase('How to choose a Linen Shirt'), 75)).toBe('choose-linen-shirt');
    expect(buildSlug(parseKeyphrase('Pine Ridge merino crew'), 10)).toBe('pine-ridge');
  });
});

describe('checkMetadata', () => {
  it('passes good metadata on every check', () => {
    const checks = checkMetadata(
      { seoTitle: 'Linen shirt guide: weights, fit and care', description: descriptionOf(140), slug: 'linen-shirt-guide' },
      kp,
      cfg,
    );
    expect(checks.filter((c) => c.grade !== 'good')).toEqual([]);
    expect(checkKeyphraseLength(parseKeyphrase('red green blue cyan pink gray teal navy plum')).grade).toBe('problem');
  });
});
