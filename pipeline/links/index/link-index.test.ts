import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSyntheticSite } from '../../../bench/links-scale/synthetic-site.ts';
import { fingerprintLinks } from '../open-index.ts';
import { linksConfigSchema } from '../config.ts';
import { suggestLinks, toSuggestOptions } from '../suggest/suggest-links.ts';
import { toIndexOptions } from './index-options.ts';
import { buildLinkIndex, createLinkIndex, finishLinkIndex, findPage, isCommonStem, recountDocumentFrequencies, removePage, upsertPage } from './link-index.ts';
import { INDEX_FILE, LinkIndexError, loadLinkIndex, saveLinkIndex } from './store-index.ts';

// The scale benchmark in small: the same synthetic site, 400 pages.
const config = linksConfigSchema.parse({});
const site = createSyntheticSite(7, 3000);
const pages = Array.from({ length: 400 }, (_, i) => site.page(i));
const dir = mkdtempSync(path.join(tmpdir(), 'link-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('link index', () => {
  it('gives the same suggestions after a save and a load', async () => {
    const index = buildLinkIndex(pages, toIndexOptions(config));
    await saveLinkIndex(index, dir);
    const loaded = loadLinkIndex(dir);
    expect(loaded?.pages.size).toBe(400);
    const markdown = site.draft(1500, 3);
    const before = suggestLinks(index, { markdown, locale: 'en' }, toSuggestOptions(config));
    const after = suggestLinks(loaded!, { markdown, locale: 'en' }, toSuggestOptions(config));
    expect(before.links.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
    expect(fingerprintLinks(loaded!, config)).toBe(fingerprintLinks(index, config));
  });

  it('scores exactly as minisearch does when it adds the pages one by one', () => {
    const bulk = buildLinkIndex(pages, toIndexOptions(config));
    // Finished while empty, so each page then goes through minisearch's own `add`.
    const oneByOne = finishLinkIndex(createLinkIndex(toIndexOptions(config)));
    for (const page of pages) upsertPage(oneByOne, page);
    const stems = [...bulk.df.keys()].filter((s) => !isCommonStem(bulk, s));
    expect(stems.length).toBeGreaterThan(100);
    const boost = { title: 3, headings: 1.5, description: 1.5, text: 1 };
    for (let k = 0; k < 20; k++) {
      const query = stems.filter((_, i) => i % 20 === k).slice(0, 12).join(' ');
      const options = { tokenize: (q: string) => q.split(' '), processTerm: (t: string) => t, boost, combineWith: 'OR' as const };
      expect(bulk.search.search(query, options)).toEqual(oneByOne.search.search(query, options));
    }
  });

  it('updates one page in place: new title linkable, old one gone, fingerprint changed', () => {
    const index = buildLinkIndex(pages, toIndexOptions(config));
    const print = fingerprintLinks(index, config);
    const page = pages[5]!;
    expect(upsertPage(index, page)).toBe('unchanged');
    expect(upsertPage(index, { ...page, title: 'Harbor lanterns' })).toBe('updated');
    expect(findPage(index, page.url)?.title).toBe('Harbor lanterns');
    expect(index.pages.size).toBe(400);
    expect(fingerprintLinks(index, config)).not.toBe(print);
    const r = suggestLinks(index, { markdown: 'We hung the harbor lanterns at dusk.\n', locale: 'en' }, { ...toSuggestOptions(config), per1000Words: 1000, minScore: 0 });
    expect(r.links.map((l) => l.url)).toContain(page.url);
  });

  it('recounts document frequencies after updates and removals to what a fresh build counts', () => {
    const index = buildLinkIndex(pages, toIndexOptions(config));
    const edited = pages.map((p, i) => (i % 7 === 0 ? { ...p, title: `Harbor lanterns ${i}`, description: 'Lanterns for the dock.' } : p));
    for (const p of edited) upsertPage(index, p);
    for (const p of edited.slice(390)) removePage(index, p.url);
    recountDocumentFrequencies(index);
    const fresh = buildLinkIndex(edited.slice(0, 390), toIndexOptions(config));
    const indexed = (df: Map<string, number>): [string, number][] => [...df].filter(([s]) => !index.unindexed.has(s) && !fresh.unindexed.has(s)).sort();
    expect(indexed(index.df)).toEqual(indexed(fresh.df));
    expect(index.df.get('lantern')).toBe(Math.ceil(390 / 7));
  });

  it('refuses an index file of an older format or a damaged one, asking for a rebuild', () => {
    const old = mkdtempSync(path.join(tmpdir(), 'link-index-old-'));
    try {
      writeFileSync(path.join(old, INDEX_FILE), JSON.stringify({ version: 2, pages: [] }));
      expect(() => loadLinkIndex(old)).toThrow(LinkIndexError);
      expect(() => loadLinkIndex(old)).toThrow(/format version 2, expected \d+; run `copydesk links sync --rebuild`/);
      writeFileSync(path.join(old, INDEX_FILE), '{"version": 4');
      expect(() => loadLinkIndex(old)).toThrow(/not valid JSON; run `copydesk links sync --rebuild`/);
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});
