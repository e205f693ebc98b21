/** Link insertion as a source splice: mdast positions say where, and every other byte stays as it was. */
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../suggest/draft-segments.ts';

export type LinkEdit = {
  /** Offsets of the anchor in the Markdown source (for inline code, the whole span with backticks). */
  readonly start: number;
  readonly end: number;
  readonly url: string;
};

export type PlacedLink = LinkEdit & {
  /** Offsets of the whole `[anchor](url)` in the new Markdown. */
  readonly placedStart: number;
  readonly placedEnd: number;
  readonly line: number;
  readonly column: number;
};

export type InsertResult = { readonly markdown: string; readonly placed: PlacedLink[]; readonly skipped: LinkEdit[] };

/** The destination as Markdown writes it: `<…>` around URLs with spaces or parentheses. */
export function formatDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function splice(markdown: string, edits: readonly LinkEdit[]): { markdown: string; placed: PlacedLink[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  const placed: PlacedLink[] = [];
  for (const e of sorted) {
    out += markdown.slice(cursor, e.start);
    const placedStart = out.length;
    out += `[${markdown.slice(e.start, e.end)}](${formatDestination(e.url)})`;
    const lineStart = out.lastIndexOf('\n', placedStart - 1) + 1;
    const line = (out.slice(0, placedStart).match(/\n/g)?.length ?? 0) + 1;
    placed.push({ ...e, placedStart, placedEnd: out.length, line, column: placedStart - lineStart + 1 });
    cursor = e.end;
  }
  return { markdown: out + markdown.slice(cursor), placed };
}

function linksAt(tree: Root): Map<number, Link> {
  const map = new Map<number, Link>();
  visit(tree, 'link', (node: Link) => {
    const at = node.position?.start.offset;
    if (at !== undefined) map.set(at, node);
  });
  return map;
}

/**
 * Wraps each edit's span in a link. Edits must not overlap. The result is parsed again and any edit that did
 * not come out as exactly one link to its URL (brackets in the anchor, odd nesting) is left out.
 */
export function insertLinks(markdown: string, edits: readonly LinkEdit[]): InsertResult {
  const safe = edits.filter((e) => !/[[\]]/.test(markdown.slice(e.start, e.end)));
  const skipped: LinkEdit[] = edits.filter((e) => !safe.includes(e));
  let accepted = [...safe];
  for (;;) {
    const result = splice(markdown, accepted);
    const found = linksAt(parseMarkdown(result.markdown));
    const bad = result.placed.filter((p) => {
      const node = found.get(p.placedStart);
      return !node || node.url !== p.url || node.position?.end.offset !== p.placedEnd;
    });
    if (bad.length === 0) return { markdown: result.markdown, placed: result.placed, skipped };
    for (const b of bad) {
      const original = accepted.find((e) => e.start === b.start && e.end === b.end && e.url === b.url);
      if (original) skipped.push(original);
    }
    accepted = accepted.filter((e) => !bad.some((b) => b.start === e.start && b.end === e.end));
  }
}
