/** Inventory pages from a sitemap.xml or sitemap index, a file or a URL; pages are fetched only when asked. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readHtmlPage } from './html-page.ts';
import type { Page } from './page.ts';
import type { InventorySource } from './source.ts';

export type SitemapSourceOptions = {
  /** File path or http(s) URL of a sitemap or sitemap index. */
  readonly location: string;
  /** Fetch each page for its title, headings and text (default: titles from the URL). */
  readonly fetchPages: boolean;
  readonly locale: string;
  /** Largest number of nested sitemaps followed (default: 1000). */
  readonly maxSitemaps?: number;
};

export class SitemapError extends Error {
  override readonly name = 'SitemapError';
}

type Entry = { loc?: unknown };

const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'url' || name === 'sitemap' });

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

async function readLocation(location: string, signal?: AbortSignal): Promise<string> {
  if (!isUrl(location)) return readFile(location, 'utf8');
  const res = await fetch(location, signal ? { signal } : {});
  if (!res.ok) throw new SitemapError(`GET ${location} answered ${res.status} ${res.statusText}`);
  return res.text();
}

/** The locations listed by one sitemap document: pages (`<urlset>`) and nested sitemaps (`<sitemapindex>`). */
export function parseSitemap(xml: string, where: string): { pages: string[]; sitemaps: string[] } {
  const doc = parser.parse(xml) as { urlset?: { url?: Entry[] }; sitemapindex?: { sitemap?: Entry[] } };
  if (!doc.urlset && !doc.sitemapindex) throw new SitemapError(`${where}: expected <urlset> or <sitemapindex>`);
  const locs = (list: Entry[] | undefined): string[] =>
    (list ?? []).map((e) => (typeof e.loc === 'string' ? e.loc.trim() : '')).filter(Boolean);
  return { pages: locs(doc.urlset?.url), sitemaps: locs(doc.sitemapindex?.sitemap) };
}

/** A readable title from a URL's last segment: `/guides/linen-shirt-care/` → "Linen shirt care". */
export function titleFromUrl(url: string): string {
  const segment = url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').at(-1) ?? '';
  const words = segment.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : '';
}

function sitePath(loc: string): string {
  return isUrl(loc) ? new URL(loc).pathname : loc;
}

/** A source over every page a sitemap (and the sitemaps it indexes) lists. */
export function createSitemapSource(options: SitemapSourceOptions): InventorySource {
  const max = options.maxSitemaps ?? 1000;
  return {
    name: `sitemap:${options.location}`,
    async *load(signal?: AbortSignal) {
      const queue = [options.location];
      const seen = new Set<string>();
      while (queue.length) {
        const location = queue.shift() ?? '';
        if (seen.has(location)) continue;
        seen.add(location);
        if (seen.size > max) throw new SitemapError(`${options.location}: more than ${max} nested sitemaps`);
        const { pages, sitemaps } = parseSitemap(await readLocation(location, signal), location);
        for (const nested of sitemaps) {
          // A sitemap index on disk names its children by URL; a file of the same name beside it is used when present.
          const local = !isUrl(location) ? path.join(path.dirname(location), path.basename(new URL(nested, 'http://x/').pathname)) : '';
          queue.push(local && existsSync(local) ? local : isUrl(location) ? new URL(nested, location).href : nested);
        }
        for (const loc of pages) {
          const page = await readPage(loc, options, signal);
          if (page) yield page;
        }
      }
    },
  };
}

async function readPage(loc: string, options: SitemapSourceOptions, signal?: AbortSignal): Promise<Page | undefined> {
  const url = sitePath(loc);
  if (!options.fetchPages || !isUrl(loc)) {
    const title = titleFromUrl(url);
    return title ? { url, title, description: '', headings: [], text: '', locale: options.locale, kind: 'page' } : undefined;
  }
  const f = readHtmlPage(await readLocation(loc, signal));
  return { url, title: f.title || titleFromUrl(url), description: f.description, headings: f.headings, text: f.text, locale: f.locale || options.locale, kind: 'page' };
}
