import { describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../models/offline/provider.ts';
import { articleDoc, productDoc, readFixture, stageContext, TEST_CONFIG } from './__fixtures__/stage/make-doc.ts';
import { applyLinkRules, checkLinkRules } from './check-link-rules.ts';
import { offlineSeoMetadata } from './offline-seo-metadata.ts';
import { type SeoStageResult, seoStage } from './seo-stage.ts';

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

  it('re-checks the linked body so flags point at the published text, and replaces an earlier run', async () => {
    const provider = createOfflineProvider({ 'seo-metadata': offlineSeoMetadata });
    const staged = await seoStage.run(productDoc(readFixture('seaside-linen-shirt.md')), stageContext((r) => provider.complete(r)));
    const before = staged.flags.find((f) => f.rule === 'seo/image-alt');
    expect(before?.line).toBe(3);
    // The links stage put a paragraph with a link above the image.
    const linked = { ...staged, markdown: staged.markdown.replace('\n\n![]', '\n\nSee the [care guide](/blog/caring-for-linen/).\n\n![]') };
    const once = applyLinkRules(linked, { config: TEST_CONFIG });
    const twice = applyLinkRules(once, { config: TEST_CONFIG });
    expect(twice.flags).toEqual(once.flags);
    const after = once.flags.filter((f) => f.rule === 'seo/image-alt');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ line: 5, column: 1, message: expect.stringContaining('suggested alt text: images/ls-001-front.jpg: "Seaside Linen Shirt, front"') });
    const seo = once.stages.seo as SeoStageResult;
    expect(seo.checks.map((c) => c.rule)).toEqual(expect.arrayContaining(['seo/title-width', 'seo/internal-links', 'seo/competing-links']));
    expect(seo.checks.filter((c) => c.rule === 'seo/image-alt')).toHaveLength(1);
    expect(seo.passed + seo.failed).toBe(seo.checks.length);
    expect(seo.sources).toEqual((staged.stages.seo as SeoStageResult).sources);
  });
});
