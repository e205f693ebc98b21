/** The inventory sources named in the `links.sources` config. */
import path from 'node:path';
import type { Config } from '../../config/schema.ts';
import { createDraftsSource } from './drafts-source.ts';
import { createFolderSource } from './folder-source.ts';
import { createJsonlSource } from './jsonl-source.ts';
import { createSitemapSource } from './sitemap-source.ts';
import type { InventorySource } from './source.ts';

/** Builds one source per configured entry; paths are relative to the project root. */
export function createSources(config: Config, root: string, extra: readonly InventorySource[] = []): InventorySource[] {
  const links = config.links;
  const sources = links.sources.map((s): InventorySource => {
    switch (s.kind) {
      case 'sitemap':
        return createSitemapSource({
          location: /^https?:\/\//i.test(s.location) ? s.location : path.resolve(root, s.location),
          fetchPages: s.fetch_pages,
          locale: s.locale ?? config.locale,
        });
      case 'folder':
        return createFolderSource({ dir: path.resolve(root, s.path), baseUrl: s.base_url, locale: s.locale ?? config.locale });
      case 'drafts':
        return createDraftsSource({ dir: path.resolve(root, s.path ?? config.output), urlPattern: links.draft_url, locale: config.locale });
      case 'jsonl':
        return createJsonlSource(path.resolve(root, s.path), config.locale);
    }
  });
  return [...sources, ...extra];
}
