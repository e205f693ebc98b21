/**
 * Scale benchmark: indexes a deterministic synthetic site (100,000 pages by default) and reports build time,
 * peak memory, index size on disk, load time, suggestion latency for a 1,500-word draft and one-page update time.
 * Each phase runs in its own process so its peak RSS is its own.
 *
 *   npx tsx bench/links-scale/run.ts [--pages 100000] [--dir /tmp/links-scale]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linksConfigSchema } from '../../pipeline/links/config.ts';
import { toIndexOptions } from '../../pipeline/links/index/index-options.ts';
import { createLinkIndex, finishLinkIndex, recountDocumentFrequencies, upsertPage } from '../../pipeline/links/index/link-index.ts';
import { loadLinkIndex, saveLinkIndex, INDEX_FILE } from '../../pipeline/links/index/store-index.ts';
import { suggestLinks, toSuggestOptions } from '../../pipeline/links/suggest/suggest-links.ts';
import { createSyntheticSite } from './synthetic-site.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const pages = Number(arg('--pages') ?? 100_000);
const phase = arg('--phase');
// `--body-words N` overrides links.index.body_words, to compare index sizes.
const bodyWords = arg('--body-words');
const config = linksConfigSchema.parse(bodyWords === undefined ? {} : { index: { body_words: Number(bodyWords) } });
const site = createSyntheticSite(42);
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

if (phase === 'build') {
  const dir = arg('--dir') ?? '';
  // Only the index's own work is timed: generating each page (the stand-in for reading the sources) is not.
  let buildMs = 0;
  let generateMs = 0;
  let chars = 0;
  const index = createLinkIndex(toIndexOptions(config));
  for (let i = 0; i < pages; i++) {
    const t = performance.now();
    const page = site.page(i);
    const t1 = performance.now();
    chars += page.text.length;
    upsertPage(index, page);
    buildMs += performance.now() - t1;
    generateMs += t1 - t;
  }
  const t0 = performance.now();
  finishLinkIndex(index);
  buildMs += performance.now() - t0;
  const builtPeakMb = peakMb();
  const t1 = performance.now();
  const saved = await saveLinkIndex(index, dir);
  const saveMs = performance.now() - t1;
  // One page edited: its title and text change; the index updates in memory.
  const updates: number[] = [];
  for (let k = 0; k < 50; k++) {
    const i = (k * 1999) % pages;
    const page = site.page(i);
    const edited = { ...page, title: `${page.title} revised`, text: `${page.text}\nUpdated paragraph ${k}.` };
    const t = performance.now();
    upsertPage(index, edited);
    updates.push(performance.now() - t);
  }
  // Once per `links sync` that updated or removed pages.
  const t2 = performance.now();
  recountDocumentFrequencies(index);
  const recountMs = performance.now() - t2;
  console.log(JSON.stringify({ buildMs, generateMs, avgWords: Math.round(chars / pages / 6.2), saveMs, bytes: saved.bytes, updateP50: pct(updates, 50), updateP95: pct(updates, 95), recountMs, builtPeakMb, peakMb: peakMb() }));
} else if (phase === 'load') {
  const dir = arg('--dir') ?? '';
  const t0 = performance.now();
  const index = loadLinkIndex(dir);
  const loadMs = performance.now() - t0;
  if (!index) throw new Error(`no index in ${dir}`);
  const options = toSuggestOptions(config);
  const latencies: number[] = [];
  let links = 0;
  // A hash of every suggestion: equal hashes mean an optimisation left the results as they were.
  const digest = createHash('sha256');
  for (let k = 0; k < 60; k++) {
    const markdown = site.draft(1500, 1000 + k);
    const t = performance.now();
    const r = suggestLinks(index, { markdown, locale: 'en' }, options);
    if (k >= 10) latencies.push(performance.now() - t); // the first drafts warm the JIT
    links += r.links.length;
    digest.update(JSON.stringify(r.links));
  }
  console.log(JSON.stringify({ loadMs, suggestP50: pct(latencies, 50), suggestP95: pct(latencies, 95), linksPerDraft: links / 60, suggestions: parseInt(digest.digest('hex').slice(0, 12), 16), peakMb: peakMb() }));
} else {
  const self = fileURLToPath(import.meta.url);
  const dir = arg('--dir') ?? mkdtempSync(path.join(tmpdir(), 'links-scale-'));
  mkdirSync(dir, { recursive: true });
  const run = (p: string): Record<string, number> =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--phase', p, '--pages', String(pages), '--dir', dir, ...(bodyWords === undefined ? [] : ['--body-words', bodyWords])], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  const build = run('build');
  const load = run('load');
  const f = (n: number | undefined, d = 1): string => (n ?? NaN).toFixed(d);
  const size = statSync(path.join(dir, INDEX_FILE)).size;
  const rows: [string, string, string, boolean][] = [
    ['pages', String(pages), '', true],
    ['build (index only; generating the pages took ' + f((build.generateMs ?? 0) / 1000) + ' s more)', `${f((build.buildMs ?? 0) / 1000)} s`, '≤ 20 s', (build.buildMs ?? Infinity) / 1000 <= 20],
    ['build peak RSS (index built / then saved)', `${build.builtPeakMb} MB / ${build.peakMb} MB`, '≤ 1024 MB', (build.peakMb ?? Infinity) <= 1024],
    ['index on disk', `${f(size / 1048576)} MB (save ${f((build.saveMs ?? 0) / 1000)} s)`, '', true],
    ['load', `${f((load.loadMs ?? 0) / 1000, 2)} s`, '≤ 3 s', (load.loadMs ?? Infinity) / 1000 <= 3],
    ['load + suggest peak RSS', `${load.peakMb} MB`, '≤ 1024 MB', (load.peakMb ?? Infinity) <= 1024],
    ['suggest, 1,500-word draft p50 / p95', `${f(load.suggestP50)} / ${f(load.suggestP95)} ms (${f(load.linksPerDraft)} links a draft, hash ${(load.suggestions ?? 0).toString(16)})`, 'p95 ≤ 50 ms', (load.suggestP95 ?? Infinity) <= 50],
    ['one page updated p50 / p95', `${f(build.updateP50, 2)} / ${f(build.updateP95, 2)} ms`, '≤ 5 ms', (build.updateP95 ?? Infinity) <= 5],
    ['document frequencies recounted (once a sync, after updates)', `${f((build.recountMs ?? 0) / 1000, 2)} s`, '', true],
  ];
  console.log(`links-scale: ${pages} synthetic pages (avg ${build.avgWords} words), index in ${dir}`);
  for (const [name, value, target, ok] of rows) console.log(`${name.padEnd(60)} ${value.padEnd(42)} ${target.padEnd(12)} ${target ? (ok ? 'ok' : 'MISSED') : ''}`);
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
}
