/** Inventory pages from a folder of Markdown and HTML content: a static site's source or its built output. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readHtmlPage } from './html-page.ts';
import { readMarkdownPage } from './markdown-page.ts';
import type { Page } from './page.ts';
import type { InventorySource } from './source.ts';

export type FolderSourceOptions = {
  readonly dir: string;
  /** Prefix of every URL (default: `/`). */
  readonly baseUrl?: string;
  readonly locale: string;
};

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
const HTML = /\.html?$/i;

/** The URL a file is served at: `guides/linen.md` → `/guides/linen/`, `guides/_index.md` → `/guides/`. */
export function urlForFile(relative: string, baseUrl = '/', slug?: string): string {
  const parts = relative.split(path.sep).join('/').replace(MARKDOWN, '').replace(HTML, '').split('/');
  const last = parts.at(-1) ?? '';
  if (/^_?index$/i.test(last)) parts.pop();
  else if (slug) parts[parts.length - 1] = slug;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const joined = parts.filter(Boolean).join('/');
  return joined ? `${base}${joined}/` : base;
}

/** Reads one content file into a page, or `undefined` for files a site does not render (drafts, no title). */
export function readContentFile(relative: string, source: string, options: { baseUrl?: string; locale: string; includeDrafts?: boolean }): Page | undefined {
  const section = relative.split(path.sep).length > 1 ? (relative.split(path.sep)[0] ?? 'page') : 'page';
  if (HTML.test(relative)) {
    const f = readHtmlPage(source);
    if (!f.title) return undefined;
    return { url: urlForFile(relative, options.baseUrl), title: f.title, description: f.description, headings: f.headings, text: f.text, locale: f.locale || options.locale, kind: section };
  }
  const f = readMarkdownPage(source);
  if (!f.title || (f.data.draft === true && !options.includeDrafts)) return undefined;
  const slug = typeof f.data.slug === 'string' ? f.data.slug : undefined;
  const url = typeof f.data.url === 'string' && f.data.url.trim() ? f.data.url.trim() : urlForFile(relative, options.baseUrl, slug);
  return {
    url,
    title: f.title,
    description: f.description,
    headings: f.headings,
    text: f.text,
    locale: f.locale || options.locale,
    kind: typeof f.data.type === 'string' ? f.data.type : section,
    ...(f.keyphrase ? { keyphrase: f.keyphrase } : {}),
    ...(f.aliases.length ? { aliases: f.aliases } : {}),
    ...(f.date ? { date: f.date } : {}),
  };
}

/** A source over every Markdown and HTML file under `dir` (sorted, so builds are reproducible). */
export function createFolderSource(options: FolderSourceOptions): InventorySource {
  return {
    name: `folder:${options.dir}`,
    async *load() {
      const entries = (await readdir(options.dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && (MARKDOWN.test(e.name) || HTML.test(e.name)))
        .map((e) => path.relative(options.dir, path.join(e.parentPath, e.name)))
        .sort();
      for (const relative of entries) {
        const page = readContentFile(relative, await readFile(path.join(options.dir, relative), 'utf8'), {
          locale: options.locale,
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        });
        if (page) yield page;
      }
    },
  };
}
