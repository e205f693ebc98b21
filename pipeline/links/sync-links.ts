/** `links sync`: reads every inventory source and brings the stored index up to date, page by page. */
import type { Config } from '../config/schema.ts';
import { toIndexOptions } from './index/index-options.ts';
import { createLinkIndex, finishLinkIndex, recountDocumentFrequencies, removePage, upsertPage, type LinkIndex } from './index/link-index.ts';
import { linksStateDir, loadLinkIndex, saveLinkIndex } from './index/store-index.ts';
import { createSources } from './inventory/create-sources.ts';
import type { InventorySource } from './inventory/source.ts';
import { toUrlKey } from './text/url-key.ts';

export type SyncReport = {
  readonly sources: readonly { readonly name: string; readonly pages: number }[];
  readonly pages: number;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  /** The index was built from scratch (first sync, `--rebuild`, or changed index settings). */
  readonly rebuilt: boolean;
  readonly file: string;
  readonly bytes: number;
  readonly ms: number;
};

export type SyncOptions = {
  readonly config: Config;
  /** Project root: state and source paths are relative to it. */
  readonly root: string;
  /** Sources to read instead of the configured ones (tests). */
  readonly sources?: readonly InventorySource[];
  /** Sources read after the configured ones: the CMS targets add themselves here. */
  readonly extraSources?: readonly InventorySource[];
  readonly rebuild?: boolean;
  readonly signal?: AbortSignal;
};

export class InventoryTooLargeError extends Error {
  override readonly name = 'InventoryTooLargeError';
}

/** Builds or updates `<state>/links/index.json` from the sources; pages are compared by content hash. */
export async function linksSync(options: SyncOptions): Promise<SyncReport & { readonly index: LinkIndex }> {
  const started = performance.now();
  const { config, root } = options;
  const dir = linksStateDir(root, config.state);
  const wanted = toIndexOptions(config.links);
  const previous = options.rebuild ? undefined : loadLinkIndex(dir);
  const reuse = previous !== undefined && JSON.stringify(previous.options) === JSON.stringify(wanted);
  const index = reuse ? previous : createLinkIndex(wanted);
  const sources = options.sources ?? createSources(config, root, options.extraSources ?? []);
  const seen = new Set<string>();
  const counts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const perSource: { name: string; pages: number }[] = [];
  for (const source of sources) {
    let n = 0;
    for await (const page of source.load(options.signal)) {
      options.signal?.throwIfAborted();
      const key = toUrlKey(page.url, wanted.siteHosts) ?? page.url;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > config.links.max_pages) {
        throw new InventoryTooLargeError(`The inventory has more than ${config.links.max_pages} pages (links.max_pages); raise the limit or narrow the sources`);
      }
      n += 1;
      counts[upsertPage(index, page)] += 1;
    }
    perSource.push({ name: source.name, pages: n });
  }
  for (const page of [...index.pages.values()]) {
    if (!seen.has(page.key)) {
      removePage(index, page.url);
      counts.removed += 1;
    }
  }
  if (!reuse) finishLinkIndex(index);
  // Updated and removed pages left their old stems counted (sources give only the new version).
  else if (counts.updated + counts.removed > 0) recountDocumentFrequencies(index);
  const changed = !reuse || counts.added + counts.updated + counts.removed > 0;
  const saved = changed ? await saveLinkIndex(index, dir) : { file: `${dir}/index.json`, bytes: 0 };
  return {
    index,
    sources: perSource,
    pages: index.pages.size,
    ...counts,
    rebuilt: !reuse,
    file: saved.file,
    bytes: saved.bytes,
    ms: Math.round(performance.now() - started),
  };
}
