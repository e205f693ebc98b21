/** What the orchestrator needs once per run: the link index (loaded, or built on first use) and its fingerprint. */
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import type { LinksConfig } from './config.ts';
import type { LinkIndex } from './index/link-index.ts';
import { linksStateDir, loadLinkIndex } from './index/store-index.ts';
import { linksSync } from './sync-links.ts';

/** Loads `<root>/<state>/links/index.json`, or syncs the configured sources when no index was built yet. */
export async function openLinkIndex(options: { readonly config: Config; readonly root: string; readonly signal?: AbortSignal }): Promise<LinkIndex> {
  const stored = loadLinkIndex(linksStateDir(options.root, options.config.state));
  if (stored) return stored;
  return (await linksSync({ config: options.config, root: options.root, ...(options.signal ? { signal: options.signal } : {}) })).index;
}

/** A hash of the inventory (every page's content hash) and the `links:` settings: the `links` stage's cache fingerprint. */
export function fingerprintLinks(index: LinkIndex, config: LinksConfig): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(config));
  for (const hash of [...index.pages.values()].map((p) => `${p.key}:${p.hash}`).sort()) h.update(hash);
  return h.digest('hex').slice(0, 16);
}
