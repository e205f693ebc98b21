import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefs } from '../briefs/read-briefs.ts';
import type { Brief } from '../briefs/schema.ts';
import type { DraftDoc } from '../document.ts';
import { offlineDraft } from '../models/offline/draft.ts';
import { createOfflineProvider } from '../models/offline/provider.ts';
import type { DraftAnswer } from '../stages/draft-answer.ts';
import { articleDoc, productDoc, readFixture, stageContext, TEST_CONFIG } from './__fixtures__/stage/make-doc.ts';
import { checkMetadata } from './checks/metadata-checks.ts';
import type { SeoMetadataAnswer } from './metadata-answer.ts';
import { offlineSeoMetadata } from './offline-seo-metadata.ts';
import { buildMetadataInput, type SeoStageResult, seoStage } from './seo-stage.ts';
import { analyseMarkdown } from './text/analyse-markdown.ts';
import { parseKeyphrase } from './text/keyphrase.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function answerFor(doc: DraftDoc): SeoMetadataAnswer {
  const input = buildMetadataInput(doc, analyseMarkdown(doc.markdown), { config: TEST_CONFIG });
  const request = { task: 'seo-metadata', model: 'offline', system: [], messages: [], maxTokens: 1, input, meta: { briefId: doc.job.id, stage: 'seo' } };
  return offlineSeoMetadata(request).json as SeoMetadataAnswer;
}

function expectGoodMetadata(answer: SeoMetadataAnswer, keyphrase: string): void {
  const checks = checkMetadata({ seoTitle: answer.seo_title, description: answer.description, slug: answer.slug }, parseKeyphrase(keyphrase), TEST_CONFIG.seo);
  expect(checks.filter((c) => c.grade !== 'good').map((c) => `${c.rule}: ${c.message}`)).toEqual([]);
}

describe('offlineSeoMetadata', () => {
  it.each([
    ['the linen shirt guide', () => articleDoc()],
    ['a product page', () => productDoc(readFixture('seaside-linen-shirt.md'))],
    ['a "how to" keyphrase', () => articleDoc({ keyword: 'how to choose a linen shirt' })],
    ['a long title', () => articleDoc({ title: 'How to choose, wear, wash, iron, store and mend a linen shirt so it lasts through a dozen hot summers' })],
  ])('composes metadata that passes every metadata check for %s', (_name, make) => {
    const doc = make();
    const answer = answerFor(doc);
    expectGoodMetadata(answer, doc.job.brief.data.keyword);
    // Nothing new: the description is cut from the draft.
    const body = doc.markdown.replace(/[*_[\]]|\(\/[^)]*\)/g, '').replace(/\s+/g, ' ');
    const label = `${doc.job.brief.data.keyword.charAt(0).toUpperCase()}${doc.job.brief.data.keyword.slice(1)}: `;
    expect(body).toContain(answer.description.replace(/…$/, '').replace(label, ''));
  });

  it('is deterministic and writes a FAQ only from question headings in the draft', () => {
    const markdown = `${readFixture('linen-shirt-guide.md')}\n## Does linen shrink?\n\nGarment-washed linen has already done most of its shrinking.\n`;
    const doc = articleDoc({ faq: true }, markdown);
    const answer = answerFor(doc);
    expect(answerFor(doc)).toEqual(answer);
    expect(answer.faq).toEqual([{ question: 'Does linen shrink?', answer: 'Garment-washed linen has already done most of its shrinking.' }]);
    expect(answerFor(articleDoc({ faq: false }, markdown)).faq).toEqual([]);
  });

  it('refuses a request without its structured input', () => {
    const request = { task: 'seo-metadata', model: 'offline', system: [], messages: [], maxTokens: 1, input: { brand: 'x' }, meta: { briefId: 'b', stage: 'seo' } };
    expect(() => offlineSeoMetadata(request)).toThrow('seo-metadata (brief b): the offline model needs the structured input');
  });
});

describe('every sample brief, drafted offline', () => {
  it('leaves the SEO stage with passing title, description and keyphrase checks', async () => {
    const { briefs } = await readBriefs({ paths: [path.join(ROOT, 'briefs')], briefsDir: path.join(ROOT, 'briefs'), maxBytes: 256 * 1024, cwd: ROOT });
    expect(briefs.length).toBeGreaterThanOrEqual(5);
    const provider = createOfflineProvider({ 'seo-metadata': offlineSeoMetadata });
    const ctx = stageContext((r) => provider.complete(r));
    for (const brief of briefs) {
      const doc = await seoStage.run(draftOffline(brief), ctx);
      const seo = doc.stages.seo as SeoStageResult;
      const failing = seo.checks.filter((c) => c.scope === 'metadata' && !c.rule.startsWith('seo/slug') && c.grade !== 'good');
      expect(failing.map((c) => `${brief.id} ${c.rule}: ${c.message}`)).toEqual([]);
      expect(seo.sources.seo_title).toBe('model');
      expect(seo.sources.description).toBe('model');
      expect((doc.fields.jsonld as { '@graph': unknown[] })['@graph'].length).toBeGreaterThanOrEqual(2);
    }
  });
});

function draftOffline(brief: Brief): DraftDoc {
  const input = { brand: 'Harbor & Pine', kind: brief.kind, data: brief.data, body: brief.body, imageCount: 0 };
  const draft: DraftAnswer = offlineDraft({ task: `draft-${brief.kind}`, model: 'offline', system: [], messages: [], maxTokens: 1, input, meta: { briefId: brief.id, stage: 'draft' } }).json;
  const base = brief.kind === 'product' ? productDoc(draft.body_markdown) : articleDoc({}, draft.body_markdown);
  return { ...base, job: { ...base.job, id: brief.id, brief }, title: draft.title };
}
