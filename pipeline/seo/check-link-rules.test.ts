import { describe, expect, it } from 'vitest';
import { articleDoc, TEST_CONFIG } from './__fixtures__/stage/make-doc.ts';
import { applyLinkRules, checkLinkRules } from './check-link-rules.ts';

describe('checkLinkRules', () => {
  it('passes a draft with an internal link and no competing anchor', () => {
    const { checks, flags } = checkLinkRules(articleDoc(), { config: TEST_CONFIG, inventoryFocus: { 'chore jacket': '/products/harbor-chore-jacket/' } });
    expect(checks.map((c) => [c.rule, c.grade])).toEqual([
      ['seo/internal-links', 'good'],
      ['seo/competing-links', 'good'],
      ['seo/cannibalisation', 'good'],
    ]);
    expect(flags).toEqual([]);
  });

  it('flags a missing internal link, a competing anchor and a rival page, but not the page itself', () => {
    const doc = articleDoc({}, 'Our [linen shirts](https://harborandpine.example/products/seaside-linen-shirt/) are light.\n\nRead [more](https://example.org/flax).\n');
    const inventory = {
      'linen shirt': 'https://harborandpine.example/blog/linen-shirt-guide/',
      'Linen Shirts': '/products/seaside-linen-shirt/',
    };
    const { checks, flags } = checkLinkRules(doc, { config: TEST_CONFIG, inventoryFocus: inventory });
    expect(checks.map((c) => c.grade)).toEqual(['good', 'problem', 'problem']);
    expect(flags.find((f) => f.rule === 'seo/competing-links')).toMatchObject({ line: 1, column: 5, severity: 'warning' });
    expect(flags.find((f) => f.rule === 'seo/cannibalisation')?.message).toBe('"linen shirt" is already the focus keyphrase of /products/seaside-linen-shirt/');

    const external = checkLinkRules(articleDoc({}, 'See [flax](https://example.org/flax).\n'), { config: TEST_CONFIG });
    expect(external.checks.map((c) => [c.rule, c.grade])).toEqual([
      ['seo/internal-links', 'problem'],
      ['seo/competing-links', 'good'],
    ]);
  });

  it('folds the results into doc.stages.seo and the flags, replacing an earlier run', () => {
    const doc = articleDoc({}, 'No links here, just linen shirts.\n');
    const once = applyLinkRules(doc, { config: TEST_CONFIG });
    const twice = applyLinkRules(once, { config: TEST_CONFIG });
    expect(twice.flags.map((f) => f.rule)).toEqual(['seo/internal-links']);
    expect(twice.stages.seo).toMatchObject({ passed: 1, failed: 1 });
  });
});
