/** Where inventory pages come from: sitemaps, a static site folder, copydesk's drafts, and later the CMS targets. */
import type { Page } from './page.ts';

export type InventorySource = {
  /** Shown in `links sync` output, e.g. `sitemap:public/sitemap.xml`. */
  readonly name: string;
  load(signal?: AbortSignal): AsyncIterable<Page>;
};
