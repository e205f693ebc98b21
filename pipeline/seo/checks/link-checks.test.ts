import { describe, expect, it } from 'vitest';
import { analyseMarkdown } from '../text/analyse-markdown.ts';
import { parseKeyphrase } from '../text/keyphrase.ts';
import { checkCannibalisation, checkCompetingLinks, checkInternalLinks, isInternalUrl } from './link-checks.ts';

const kp = parseKeyphrase('linen shirt');
const site = 'https://harborandpine.com';

describe('seo/internal-links', () => {
  it('counts relative links and links to the own host', () => {
    expect(isInternalUrl('/collections/linen', site)).toBe(true);
    expect(isInternalUrl('https://harborandpine.com/blog/care', site)).toBe(true);
    expect(isInternalUrl('https://example.org/linen', site)).toBe(false);
    expect(isInternalUrl('mailto:hello@harborandpine.com', site)).toBe(false);
    expect(checkInternalLinks(analyseMarkdown('See [the care guide](/blog/linen-care).'), site, 1).grade).toBe('good');
    expect(checkInternalLinks(analyseMarkdown('See [flax facts](https://example.org/flax).'), site, 1).grade).toBe('problem');
  });
});

describe('seo/competing-links', () => {
  it('flags an anchor that is the keyphrase itself, not one with more content words', () => {
    const md = 'Read about [our linen shirts](/products/ls-001).\n\nOr [linen shirt care](/blog/care).';
    const check = checkCompetingLinks(analyseMarkdown(md), kp);
    expect(check).toMatchObject({ grade: 'problem', place: { line: 1, column: 12 } });
    expect(check.places).toBeUndefined();
    expect(checkCompetingLinks(analyseMarkdown('Or [linen shirt care](/blog/care).'), kp).grade).toBe('good');
  });
});

describe('seo/cannibalisation', () => {
  it('finds another page with the same focus keyphrase, ignoring the page itself', () => {
    const inventory = { 'Linen Shirts': '/blog/linen-shirts', 'chore jacket': '/products/cj-014' };
    expect(checkCannibalisation(kp, inventory, []).grade).toBe('problem');
    expect(checkCannibalisation(kp, inventory, ['https://harborandpine.com/blog/linen-shirts/']).grade).toBe('good');
    expect(checkCannibalisation(parseKeyphrase('merino crew'), new Map(Object.entries(inventory)), []).grade).toBe('good');
    const pairs: Array<[string, string]> = [['linen shirt', '/blog/a/'], ['linen shirts', '/blog/b/']];
    expect(checkCannibalisation(kp, pairs, ['/blog/a']).message).toBe('"linen shirt" is already the focus keyphrase of /blog/b/');
  });
});
