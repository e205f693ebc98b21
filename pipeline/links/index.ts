/** Internal linking from the site's own inventory: the entry points the CLI and the orchestrator use. */
export { linksConfigSchema, type LinksConfig } from './config.ts';
export { createLinksStage, linkDraft, draftUrl, type InsertedLink, type LinksStageResult } from './links-stage.ts';
export { openLinkIndex, fingerprintLinks } from './open-index.ts';
export { linksSync, type SyncReport, type SyncOptions, InventoryTooLargeError } from './sync-links.ts';
export { linksCommand, type LinksAction, type LinksCommandOptions } from './cli/links-command.ts';
export { buildLinkIndex, findPage, upsertPage, removePage, type LinkIndex } from './index/link-index.ts';
export { loadLinkIndex, saveLinkIndex, linksStateDir, LinkIndexError } from './index/store-index.ts';
export { suggestLinks, toSuggestOptions, type LinkSuggestion, type SuggestRequest, type SuggestOptions } from './suggest/suggest-links.ts';
export { insertLinks } from './insert/insert-links.ts';
export { removeUnknownLinks } from './insert/remove-unknown-links.ts';
export type { Page } from './inventory/page.ts';
export type { InventorySource } from './inventory/source.ts';
export { createSitemapSource, SitemapError } from './inventory/sitemap-source.ts';
export { createFolderSource } from './inventory/folder-source.ts';
export { createDraftsSource } from './inventory/drafts-source.ts';
export { createJsonlSource, InventoryFileError } from './inventory/jsonl-source.ts';
