/** The repair loop against the local Anthropic-protocol server, through the real SDK. */
import { afterEach, describe, expect, it } from 'vitest';
import { type AnthropicServer, startAnthropicServer } from '../../test/servers/anthropic-server.ts';
import { createAnthropicProvider } from '../models/anthropic-provider.ts';
import { articleDoc, stageContext } from './__fixtures__/stage/make-doc.ts';
import type { SeoMetadataAnswer } from './metadata-answer.ts';
import { type SeoStageResult, seoStage } from './seo-stage.ts';

const tooWide: SeoMetadataAnswer = {
  seo_title: 'Everything about choosing the right linen shirt for a long and very hot summer in the city',
  description: 'How to choose a linen shirt for summer: which fabric weight to pick, how it should fit, and how to wash it so it lasts for many seasons.',
  slug: 'linen-shirt-guide',
  excerpt: 'A good linen shirt is the easiest way to stay comfortable when the city heats up.',
  tags: ['linen', 'summer'],
  image_alts: [],
  faq: [],
};
const fixed: SeoMetadataAnswer = { ...tooWide, seo_title: 'Linen shirt guide: weight, fit and care' };

let server: AnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('seoStage with the Anthropic provider', () => {
  it('sends a closed JSON schema, asks again with the failed checks, and keeps the fixed title', async () => {
    server = await startAnthropicServer({ script: [{ kind: 'json', value: tooWide }, { kind: 'json', value: fixed }] });
    const provider = createAnthropicProvider({ apiKey: 'test-key', baseURL: server.url });
    const doc = await seoStage.run(articleDoc(), stageContext((request) => provider.complete(request)));

    const requests = server.messageRequests();
    expect(requests.map((r) => r.status)).toEqual([200, 200]);
    const [first, second] = requests.map((r) => r.body as { model: string; system: Array<{ cache_control?: unknown }>; messages: Array<{ content: string }>; output_config: { format: { schema: { additionalProperties: boolean } } } });
    expect(first?.model).toBe('claude-haiku-5-5');
    expect(first?.output_config.format.schema.additionalProperties).toBe(false);
    expect(first?.system[0]?.cache_control).toEqual({ type: 'ephemeral', ttl: '5m' });
    expect(first?.messages[0]?.content).not.toContain('previous answer');
    expect(second?.messages[0]?.content).toContain('- seo_title (seo/title-width): The SEO title is');

    const seo = doc.stages.seo as SeoStageResult;
    expect(seo.sources.seo_title).toBe('model-retry');
    expect(seo.modelCalls).toBe(2);
    expect(doc.fields.seo_title).toBe(fixed.seo_title);
    expect(seo.checks.filter((c) => c.scope === 'metadata' && c.grade !== 'good')).toEqual([]);
  });

  it('repairs by code after a refusal and a second bad answer', async () => {
    server = await startAnthropicServer({ script: [{ kind: 'refusal', category: null }, { kind: 'json', value: tooWide }] });
    const provider = createAnthropicProvider({ apiKey: 'test-key', baseURL: server.url });
    const doc = await seoStage.run(articleDoc(), stageContext((request) => provider.complete(request)));
    const seo = doc.stages.seo as SeoStageResult;
    expect(seo.sources).toEqual({ seo_title: 'repaired', description: 'model-retry', slug: 'model-retry', images: 'model-retry' });
    expect(doc.fields.seo_title).toBe('Linen shirt for summer: How to choose');
    expect(doc.flags.find((f) => f.rule === 'seo/model-answer')?.message).toContain('the model declined');
  });
});
