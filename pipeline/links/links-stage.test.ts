import { describe, expect, it } from 'vitest';
import type { ArticleBrief } from '../briefs/schema.ts';
import { configSchema } from '../config/schema.ts';
import type { DraftDoc } from '../document.ts';
import { harborPinePages } from './__fixtures__/harbor-pine-pages.ts';
import { buildLinkIndex } from './index/link-index.ts';
import { createLinksStage, type LinksStageResult } from './links-stage.ts';

const config = configSchema.parse({ links: { min_score: 0.2, caps: { per_1000_words: 100 } } });
const index = buildLinkIndex(harborPinePages, { bodyWords: 300, weights: { title: 3, headings: 1.5, description: 1.5, text: 1 }, siteHosts: [] });

function draft(markdown: string, links?: string[]): DraftDoc {
  const brief: ArticleBrief = {
    id: 'summer-shirts',
    file: 'briefs/summer-shirts.md',
    slug: 'summer-shirts',
    body: '',
    bodyLine: 10,
    hash: 'h',
    kind: 'article',
    data: { type: 'article', title: 'Summer shirts', keyword: 'summer shirt', locale: 'en-US', ...(links ? { links } : {}) },
  };
  return { job: { id: brief.id, brief, target: 'static', hash: 'h' }, title: 'Summer shirts', markdown, description: '', tags: [], model: 'offline', flags: [], stages: {}, fields: {} };
}

const ctx = { config, now: () => new Date('2026-11-24T05:00:00Z') } as Parameters<ReturnType<typeof createLinksStage>['run']>[1];

describe('links stage', () => {
  it('inserts links with reasons, removes unknown links, places the brief links', async () => {
    const md = [
      'A summer shirt should breathe. Our Seaside Linen Shirt does, and [this study](https://example.com/study) agrees.',
      '',
      'Wash it cold: see how to wash linen. The whole linen collection ships in July.',
      '',
    ].join('\n');
    const out = await createLinksStage(index).run(draft(md, ['/collections/linen']), ctx);
    const result = out.stages.links as LinksStageResult;
    expect(out.markdown).toContain('[Seaside Linen Shirt](/products/seaside-linen-shirt/)');
    expect(out.markdown).toContain('and this study agrees');
    expect(out.markdown).toContain('[linen](/collections/linen)');
    expect(result.inserted.map((l) => l.url).sort()).toEqual(['/collections/linen', '/products/seaside-linen-shirt/']);
    const shirt = result.inserted.find((l) => l.url === '/products/seaside-linen-shirt/');
    expect(shirt).toMatchObject({ anchor: 'Seaside Linen Shirt', line: 1 });
    expect(shirt?.score).toBeGreaterThan(0);
    expect(shirt?.terms.length).toBeGreaterThan(0);
    expect(out.markdown.split('\n')[0]?.indexOf('[Seaside')).toBe((shirt?.column ?? 0) - 1);
    expect(out.flags).toEqual([expect.objectContaining({ rule: 'links/removed-unknown-link', line: 1 })]);
    expect(result.flagged).toEqual(out.flags);
  });

  it("flags a brief link with no anchor in the draft", async () => {
    const out = await createLinksStage(index).run(draft('Nothing to link here.\n', ['/products/harbor-chore-jacket/']), ctx);
    expect(out.flags.map((f) => f.rule)).toEqual(['links/no-anchor']);
    expect(out.markdown).toBe('Nothing to link here.\n');
  });

  it('does nothing when disabled', async () => {
    const off = configSchema.parse({ links: { enabled: false } });
    const doc = draft('See [x](https://example.com/).\n');
    expect(await createLinksStage(index).run(doc, { ...ctx, config: off })).toBe(doc);
  });
});
