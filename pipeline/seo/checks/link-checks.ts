/** Checks that only make sense after the links stage: internal links, competing anchors, cannibalisation. */
import type { MarkdownAnalysis } from '../text/analyse-markdown.ts';
import { isSameKeyphrase, type Keyphrase, parseKeyphrase } from '../text/keyphrase.ts';
import { makeCheck, type SeoCheck } from './types.ts';

/** True when a link stays on the site: a relative URL, or an absolute one on `siteUrl`'s host. */
export function isInternalUrl(url: string, siteUrl: string | undefined): boolean {
  if (url.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(url)) return false;
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return true;
  if (!siteUrl || !URL.canParse(url) || !URL.canParse(siteUrl)) return false;
  return new URL(url).host === new URL(siteUrl).host;
}

/** `seo/internal-links`: at least `min` links to the site's own pages. */
export function checkInternalLinks(analysis: MarkdownAnalysis, siteUrl: string | undefined, min: number): SeoCheck {
  const internal = analysis.links.filter((l) => isInternalUrl(l.url, siteUrl));
  if (internal.length >= min) {
    return makeCheck('seo/internal-links', 'links', 'good', `The text has ${internal.length} internal link${internal.length === 1 ? '' : 's'}`);
  }
  return makeCheck('seo/internal-links', 'links', 'problem', `The text has ${internal.length} internal links; add at least ${min}`);
}

/** `seo/competing-links`: no link whose anchor is the keyphrase itself (Yoast: extra content words make it fine). */
export function checkCompetingLinks(analysis: MarkdownAnalysis, keyphrase: Keyphrase): SeoCheck {
  const competing = analysis.links.filter((l) => l.text !== '' && isSameKeyphrase(parseKeyphrase(l.text, keyphrase.locale), keyphrase));
  if (competing.length === 0) return makeCheck('seo/competing-links', 'links', 'good', 'No link uses the keyphrase as its anchor');
  const targets = competing.map((l) => l.url).join(', ');
  return makeCheck('seo/competing-links', 'links', 'problem', `A link uses the keyphrase "${keyphrase.text}" as its anchor and competes with this page: ${targets}`, {
    places: competing.map((l) => l.place),
  });
}

/** Focus keyphrases of the site's pages: `{keyphrase: url}`, or `[keyphrase, url]` pairs (a Map works) when two pages share one. */
export type InventoryFocus = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

function listFocus(inventory: InventoryFocus): Array<readonly [string, string]> {
  return Symbol.iterator in inventory ? [...(inventory as Iterable<readonly [string, string]>)] : Object.entries(inventory);
}

/**
 * `seo/cannibalisation`: no other page in the site inventory has the same focus keyphrase.
 * `ownUrls` are this page's own addresses, never counted as rivals.
 */
export function checkCannibalisation(keyphrase: Keyphrase, inventoryFocus: InventoryFocus, ownUrls: readonly string[]): SeoCheck {
  const entries = listFocus(inventoryFocus);
  const own = new Set(ownUrls.map(normalizeUrl));
  const clashes = entries.filter(([focus, url]) => !own.has(normalizeUrl(url)) && isSameKeyphrase(parseKeyphrase(focus, keyphrase.locale), keyphrase));
  if (clashes.length === 0) return makeCheck('seo/cannibalisation', 'links', 'good', `No other page targets "${keyphrase.text}"`);
  return makeCheck('seo/cannibalisation', 'links', 'problem', `"${keyphrase.text}" is already the focus keyphrase of ${clashes.map(([, url]) => url).join(', ')}`);
}

function normalizeUrl(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\/+$/, '').toLowerCase() || '/';
}
