/**
 * Prints throughput figures for the SEO checks and the offline SEO stage (not a test):
 * `npx tsx pipeline/seo/bench/bench-seo.ts`.
 */
import { createOfflineProvider } from '../../pipeline/models/offline/provider.ts';
import { articleDoc, readFixture, stageContext, TEST_CONFIG } from '../../pipeline/seo/__fixtures__/stage/make-doc.ts';
import { checkMetadata } from '../../pipeline/seo/checks/metadata-checks.ts';
import { checkBody } from '../../pipeline/seo/checks/run-checks.ts';
import { offlineSeoMetadata } from '../../pipeline/seo/offline-seo-metadata.ts';
import { seoStage } from '../../pipeline/seo/seo-stage.ts';
import { analyseMarkdown } from '../../pipeline/seo/text/analyse-markdown.ts';
import { parseKeyphrase } from '../../pipeline/seo/text/keyphrase.ts';

async function time(label: string, runs: number, unit: string, task: () => unknown): Promise<void> {
  await task(); // warm-up
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) await task();
  const ms = (performance.now() - started) / runs;
  console.log(`${label.padEnd(46)} ${ms.toFixed(2).padStart(8)} ms/${unit}  (${runs} runs)`);
}

const guide = readFixture('linen-shirt-guide.md');
const words = (n: number): string => {
  const paragraphs: string[] = [];
  while (paragraphs.join(' ').split(/\s+/).length < n) paragraphs.push(...guide.split('\n\n'));
  return paragraphs.join('\n\n');
};
const keyphrase = parseKeyphrase('linen shirt');
const meta = { seoTitle: 'Linen shirt guide: weight, fit and care', description: 'How to choose a linen shirt for summer: which fabric weight to pick, how it should fit, and how to wash it so it lasts.', slug: 'linen-shirt-guide' };
const provider = createOfflineProvider({ 'seo-metadata': offlineSeoMetadata });
const ctx = stageContext((request) => provider.complete(request));

console.log(`node ${process.version}, ${new Date().toISOString()}`);
await time('metadata checks (8 checks)', 2000, 'draft', () => checkMetadata(meta, keyphrase, TEST_CONFIG.seo));
for (const n of [1000, 5000]) {
  const markdown = words(n);
  const analysis = analyseMarkdown(markdown);
  await time(`analyse Markdown, ${analysis.wordCount} words`, 20, 'draft', () => analyseMarkdown(markdown));
  await time(`body checks, ${analysis.wordCount} words`, 50, 'draft', () => checkBody(analysis, { keyphrase: 'linen shirt', targetWords: n }, TEST_CONFIG.seo));
  const doc = articleDoc({ words: n }, markdown);
  await time(`SEO stage offline, ${analysis.wordCount} words`, 10, 'draft', () => seoStage.run(doc, ctx));
}
