/** The guardrail: links in a draft to pages outside the inventory, not named by the brief, are removed (text kept). */
import type { Definition, Link, LinkReference, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { parseMarkdown } from '../suggest/draft-segments.ts';
import { toUrlKey } from '../text/url-key.ts';

export type RemovedLink = {
  readonly url: string;
  /** The link's text, kept in the draft. */
  readonly text: string;
  /** Position of the link in the original Markdown (1-based). */
  readonly line: number;
  readonly column: number;
};

export type GuardOptions = {
  /** Whether a URL is a page of the site inventory. */
  readonly isKnown: (url: string) => boolean;
  /** URLs the brief gives (`links:`), kept as they are. */
  readonly allowed: readonly string[];
  readonly siteHosts: readonly string[];
};

function sameUrl(a: string, b: string, hosts: readonly string[]): boolean {
  if (a.trim() === b.trim()) return true;
  const ka = toUrlKey(a, hosts);
  return ka !== null && ka === toUrlKey(b, hosts);
}

/** Removes unknown links, keeping their text; in-page `#anchors` stay. Returns the new Markdown and what went. */
export function removeUnknownLinks(markdown: string, options: GuardOptions, tree: Root = parseMarkdown(markdown)): { markdown: string; removed: RemovedLink[] } {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (d: Definition) => void definitions.set(d.identifier, d.url));
  const cuts: { start: number; end: number; keep: string; removed: RemovedLink }[] = [];
  const keepOk = (url: string): boolean =>
    url.startsWith('#') || options.isKnown(url) || options.allowed.some((a) => sameUrl(a, url, options.siteHosts));
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    const n = node as Link | LinkReference;
    const url = n.type === 'link' ? n.url : definitions.get(n.identifier);
    if (url === undefined || keepOk(url)) return;
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const first = n.children[0]?.position?.start.offset;
    const last = n.children.at(-1)?.position?.end.offset;
    const inner = first !== undefined && last !== undefined ? markdown.slice(first, last) : '';
    // An autolink's text is its URL: keeping it would make a link again, so it goes whole.
    const autolink = n.type === 'link' && (markdown[start] === '<' || inner === markdown.slice(start, end));
    cuts.push({
      start,
      end,
      keep: autolink ? '' : inner,
      removed: { url, text: autolink ? '' : inner, line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 },
    });
    return SKIP;
  });
  if (cuts.length === 0) return { markdown, removed: [] };
  cuts.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const c of cuts) {
    out += markdown.slice(cursor, c.start) + c.keep;
    cursor = c.end;
  }
  return { markdown: out + markdown.slice(cursor), removed: cuts.map((c) => c.removed) };
}
