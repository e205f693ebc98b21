/** Inventory pages from copydesk's own static drafts (`output/<slug>.md`), so new drafts link to each other. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readMarkdownPage } from './markdown-page.ts';
import type { InventorySource } from './source.ts';

export type DraftsSourceOptions = {
  readonly dir: string;
  /** URL of a draft, `{slug}` filled in (default: `/{slug}/`). */
  readonly urlPattern: string;
  readonly locale: string;
};

/** A source over `<dir>/*.md`; a missing folder is an empty inventory (nothing drafted yet). */
export function createDraftsSource(options: DraftsSourceOptions): InventorySource {
  return {
    name: `drafts:${options.dir}`,
    async *load() {
      if (!existsSync(options.dir)) return;
      const files = (await readdir(options.dir)).filter((f) => f.endsWith('.md')).sort();
      for (const file of files) {
        const f = readMarkdownPage(await readFile(path.join(options.dir, file), 'utf8'));
        if (!f.title) continue;
        const slug = typeof f.data.slug === 'string' && f.data.slug ? f.data.slug : file.replace(/\.md$/, '');
        yield {
          url: options.urlPattern.replaceAll('{slug}', slug),
          title: f.title,
          description: f.description,
          headings: f.headings,
          text: f.text,
          locale: f.locale || options.locale,
          kind: typeof f.data.type === 'string' ? f.data.type : 'draft',
          ...(f.keyphrase ? { keyphrase: f.keyphrase } : {}),
          ...(f.date ? { date: f.date } : {}),
        };
      }
    },
  };
}
