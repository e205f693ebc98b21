import { describe, expect, it } from 'vitest';
import type { ModelAnswer, ModelRequest } from '../models/types.ts';
import { createOfflineProvider } from '../models/offline/provider.ts';
import { articleDoc, productDoc, readFixture, stageContext } from './__fixtures__/stage/make-doc.ts';
import type { SeoCheck } from './checks/types.ts';
import type { SeoMetadataAnswer, SeoMetadataInput } from './metadata-answer.ts';
import { offlineSeoMetadata } from './offline-seo-metadata.ts';
import { type SeoStageResult, seoStage } from './seo-stage.ts';

const offline = createOfflineProvider({ 'seo-metadata': offlineSeoMetadata });

/** A `ctx.call` that answers from a script and records each request. */
function scriptedCall(answers: ReadonlyArray<Partial<ModelAnswer>>) {
  const requests: ModelRequest[] = [];
  const call = async (request: ModelRequest): Promise<ModelAnswer> => {
    const next = answers[requests.length];
    requests.push(request);
    if (!next) throw new Error(`unexpected model call #${requests.length}`);
    return { text: '', usage: { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0 }, stopReason: 'end_turn', model: 'claude-haiku-5-5', provider: 'test', latencyMs: 1, ...next };
  };
  return { call, requests };
}

const good: SeoMetadataAnswer = {
  seo_title: 'Linen shirt guide: weight, fit and care',
  description: 'How to choose a linen shirt for summer: which fabric weight to pick, how it should fit, and how to wash it so it lasts for many seasons.',
  slug: 'linen-shirt-guide',
  excerpt: 'A good linen shirt is the easiest way to stay comfortable when the city heats up.',
  tags: ['linen', 'summer'],
  image_alts: [],
  faq: [],
};

const metadataRules = new Set(['seo/title-width', 'seo/title-keyphrase', 'seo/description-length', 'seo/description-keyphrase', 'seo/slug-length', 'seo/slug-format', 'seo/slug-keyphrase']);
const metadataChecks = (result: SeoStageResult): SeoCheck[] => result.checks.filter((c) => metadataRules.has(c.rule));

describe('seoStage', () => {
  it('keeps a good first answer and calls the model once', async () => {
    const { call, requests } = scriptedCall([{ json: good, text: JSON.stringify(good) }]);
    const doc = await seoStage.run(articleDoc(), stageContext(call));
    const seo = doc.stages.seo as SeoStageResult;
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ task: 'seo-metadata', model: 'claude-haiku-5-5', meta: { stage: 'seo', promptFile: 'prompts/seo-metadata.md' } });
    expect(requests[0]?.schema).toMatchObject({ additionalProperties: false });
    expect(seo.sources).toEqual({ seo_title: 'model', description: 'model', slug: 'model', images: 'model' });
    expect(metadataChecks(seo).every((c) => c.grade === 'good')).toBe(true);
    expect(doc.fields).toMatchObject({ seo_title: good.seo_title, description: good.description, slug: 'linen-shirt-guide', keyphrase: 'linen shirt', tags: ['linen', 'summer', 'guides'] });
    expect(doc.description).toBe(good.description);
    expect(doc.markdown).toBe(articleDoc().markdown);
  });

  it('asks again for the failed fields only, then repairs what still fails', async () => {
    const first = { ...good, seo_title: 'How to choose a linen shirt for summer without sweating through it on the hottest afternoon of the year', description: 'Linen shirts, briefly.', slug: 'how-to-choose-a-linen-shirt' };
    const second = { ...good, seo_title: 'Linen shirt: choosing one for summer', description: 'Still far too short.', slug: 'linen-shirt', excerpt: 'ignored' };
    const { call, requests } = scriptedCall([{ json: first }, { json: second }]);
    const doc = await seoStage.run(articleDoc(), stageContext(call));
    const seo = doc.stages.seo as SeoStageResult;

    expect(requests).toHaveLength(2);
    const retry = (requests[1]?.input as SeoMetadataInput).retry;
    expect(retry?.failed.map((f) => `${f.field} ${f.rule}`)).toEqual([
      'seo_title seo/title-width',
      'seo_title seo/title-keyphrase',
      'description seo/description-length',
      'slug seo/slug-keyphrase',
    ]);
    expect(retry?.previous).toEqual(first);
    const prompt = requests[1]?.messages[0]?.content as string;
    expect(prompt).toContain('Your previous answer failed these checks');
    expect(prompt).toContain('seo_title (seo/title-width)');

    expect(seo.sources).toEqual({ seo_title: 'model-retry', description: 'repaired', slug: 'model-retry', images: 'model' });
    expect(doc.fields.seo_title).toBe(second.seo_title);
    expect(doc.fields.excerpt).toBe(good.excerpt);
    expect(metadataChecks(seo).filter((c) => c.grade !== 'good')).toEqual([]);
    const description = doc.fields.description as string;
    expect(readFixture('linen-shirt-guide.md').replace(/\s+/g, ' ')).toContain(description.replace(/…$/, ''));
    expect(doc.fields.slug_suggestion).toBe('linen-shirt');
  });

  it('composes everything from the draft when the model answers are unusable, and says so', async () => {
    const { call, requests } = scriptedCall([{ text: '{"seo_title": "Linen', stopReason: 'max_tokens' }, { text: 'not json at all' }]);
    const doc = await seoStage.run(articleDoc(), stageContext(call));
    const seo = doc.stages.seo as SeoStageResult;
    expect(requests).toHaveLength(2);
    expect(seo.sources).toEqual({ seo_title: 'repaired', description: 'repaired', slug: 'repaired', images: 'repaired' });
    expect(metadataChecks(seo).filter((c) => c.grade !== 'good')).toEqual([]);
    expect(doc.flags.filter((f) => f.rule === 'seo/model-answer').map((f) => f.message)).toEqual([
      'The metadata answer was not usable (the model ran out of tokens); code filled in the fields',
      expect.stringContaining('the answer is not JSON'),
    ]);
  });

  it('flags failing body checks with positions and never touches the body', async () => {
    const markdown = '# A second H1\n\nShirts for summer, made in Maine.\n';
    const doc = await seoStage.run(articleDoc({ words: 900 }, markdown), stageContext((r) => offline.complete(r)));
    const byRule = new Map(doc.flags.map((f) => [f.rule, f]));
    expect(byRule.get('seo/single-h1')).toMatchObject({ severity: 'warning', line: 1, column: 1 });
    expect(byRule.get('seo/keyphrase-intro')).toMatchObject({ line: 3, column: 1 });
    expect(byRule.has('seo/text-length')).toBe(true);
    expect(byRule.has('seo/text-length-target')).toBe(true);
    expect(doc.markdown).toBe(markdown);
    const seo = doc.stages.seo as SeoStageResult;
    expect(seo.failed).toBeGreaterThan(0);
    expect(seo.passed + seo.failed).toBe(seo.checks.length);
  });

  it('flags a fixed slug that fails and suggests one that passes', async () => {
    const base = articleDoc();
    const brief = { ...base.job.brief, slug: 'summer-guide-2026' };
    const doc = await seoStage.run({ ...base, job: { ...base.job, brief } }, stageContext((r) => offline.complete(r)));
    expect(doc.fields.slug).toBe('summer-guide-2026');
    const flag = doc.flags.find((f) => f.rule === 'seo/slug-keyphrase');
    expect(flag?.message).toContain('a slug that passes: linen-shirt');
  });

  it('writes product metadata, alt texts and JSON-LD with the brief price from the offline model', async () => {
    const doc = await seoStage.run(productDoc(readFixture('seaside-linen-shirt.md')), stageContext((r) => offline.complete(r)));
    const seo = doc.stages.seo as SeoStageResult;
    expect(metadataChecks(seo).filter((c) => c.rule !== 'seo/slug-keyphrase' && c.grade !== 'good')).toEqual([]);
    expect(doc.fields.image_alts).toEqual([{ src: 'images/ls-001-front.jpg', alt: 'Seaside Linen Shirt, front' }]);
    const graph = (doc.fields.jsonld as { '@graph': Array<Record<string, unknown>> })['@graph'];
    expect(graph[0]).toMatchObject({ '@type': 'Product', sku: 'LS-001', offers: { price: 89, priceCurrency: 'USD', availability: 'https://schema.org/InStock' } });
    // The body image has no alt text: flagged at its line, the body left alone.
    expect(doc.flags.find((f) => f.rule === 'seo/image-alt')).toMatchObject({ line: 3, column: 1, message: '1 image has no alt text: images/ls-001-front.jpg; suggested alt text: images/ls-001-front.jpg: "Seaside Linen Shirt, front"' });
  });

  it('falls back to the drafter\'s alt texts (it saw the images) when the answers have none', async () => {
    const base = productDoc(readFixture('seaside-linen-shirt.md'));
    const doc = { ...base, stages: { draft: { stopReason: 'end_turn', imageAlts: ['Seaside Linen Shirt in sand linen, laid flat, front view'] } } };
    const answer = { ...good, image_alts: [] };
    const { call, requests } = scriptedCall([{ json: answer }, { json: answer }]);
    const out = await seoStage.run(doc, stageContext(call));
    expect((requests[0]?.input as SeoMetadataInput).known_alts).toEqual([{ src: 'images/ls-001-front.jpg', alt: 'Seaside Linen Shirt in sand linen, laid flat, front view' }]);
    expect(requests[0]?.messages[0]?.content).toContain('images/ls-001-front.jpg: Seaside Linen Shirt in sand linen, laid flat, front view');
    expect(out.fields.image_alts).toEqual([{ src: 'images/ls-001-front.jpg', alt: 'Seaside Linen Shirt in sand linen, laid flat, front view' }]);
    expect((out.stages.seo as SeoStageResult).sources.images).toBe('repaired');
  });

  it('keeps alt texts only for the images the brief and the draft name', async () => {
    const answer = { ...good, image_alts: [{ src: 'images/ls-001-front.jpg', alt: 'Front of the shirt' }, { src: 'images/invented.jpg', alt: 'Made up' }] };
    const { call } = scriptedCall([{ json: answer }]);
    const doc = await seoStage.run(productDoc(readFixture('seaside-linen-shirt.md')), stageContext(call));
    expect(doc.fields.image_alts).toEqual([{ src: 'images/ls-001-front.jpg', alt: 'Front of the shirt' }]);
    expect(JSON.stringify(doc.fields.jsonld)).not.toContain('invented');
  });

  it('makes no model call for an empty draft and flags what cannot pass', async () => {
    const { call, requests } = scriptedCall([]);
    const doc = await seoStage.run(articleDoc({}, ''), stageContext(call));
    expect(requests).toHaveLength(0);
    expect((doc.stages.seo as SeoStageResult).modelCalls).toBe(0);
    expect(doc.fields.seo_title).toBe('Linen shirt for summer: How to choose');
    expect(doc.flags.map((f) => f.rule)).toContain('seo/description-length');
    expect(doc.flags.find((f) => f.rule === 'seo/model-answer')?.message).toContain('the draft is empty');
  });

  it('does nothing when disabled', async () => {
    const ctx = stageContext((r) => offline.complete(r));
    const doc = articleDoc();
    const off = await seoStage.run(doc, { ...ctx, config: { ...ctx.config, seo: { ...ctx.config.seo, enabled: false } } });
    expect(off).toBe(doc);
  });
});
