/** Index options from the `links:` config section. */
import type { LinksConfig } from '../config.ts';
import type { IndexOptions } from './link-index.ts';

/** Maps `links.index` and `links.site_hosts` to the index builder's options. */
export function toIndexOptions(config: LinksConfig): IndexOptions {
  return {
    bodyWords: config.index.body_words,
    weights: { ...config.index.weights },
    siteHosts: config.site_hosts.map((h) => h.toLowerCase()),
  };
}
