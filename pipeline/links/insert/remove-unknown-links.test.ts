import { describe, expect, it } from 'vitest';
import { removeUnknownLinks } from './remove-unknown-links.ts';

const known = new Set(['/journal/how-to-wash-linen/', '/products/seaside-linen-shirt/']);
const options = {
  isKnown: (url: string) => known.has(url.replace(/^https:\/\/harborandpine\.com/, '')),
  allowed: ['/collections/linen', 'https://www.woolmark.com/'],
  siteHosts: ['harborandpine.com'],
};

describe('removeUnknownLinks', () => {
  it('removes an external link the brief did not give, keeps its text, and says where it was', () => {
    const md = 'Intro.\n\nLinen is [the best in the world](https://example.com/claims) for summer.\n';
    const r = removeUnknownLinks(md, options);
    expect(r.markdown).toBe('Intro.\n\nLinen is the best in the world for summer.\n');
    expect(r.removed).toEqual([{ url: 'https://example.com/claims', text: 'the best in the world', line: 3, column: 10 }]);
  });

  it('keeps inventory pages, the brief links, and in-page anchors', () => {
    const md = [
      'See [washing](/journal/how-to-wash-linen/), [the shirt](https://harborandpine.com/products/seaside-linen-shirt/),',
      '[the collection](/collections/linen/), [Woolmark](https://www.woolmark.com/) and [below](#care).',
      '',
    ].join('\n');
    expect(removeUnknownLinks(md, options)).toEqual({ markdown: md, removed: [] });
  });

  it('removes made-up internal pages and reference links, and autolinks whole', () => {
    const md = 'Our [guide][g] and [size chart](/size-chart/) and <https://spam.example/>.\n\n[g]: /guides/made-up/\n';
    const r = removeUnknownLinks(md, options);
    expect(r.markdown).toBe('Our guide and size chart and .\n\n[g]: /guides/made-up/\n');
    expect(r.removed.map((x) => x.url)).toEqual(['/guides/made-up/', '/size-chart/', 'https://spam.example/']);
  });
});
