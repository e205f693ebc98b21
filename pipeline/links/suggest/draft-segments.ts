/** The stretches of a Markdown draft where a link may go, with their source offsets. */
import type { Nodes, Parents, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';

export type Segment = {
  /** Offsets of the linkable text in the Markdown source. */
  readonly start: number;
  readonly end: number;
  /** The source text between `start` and `end` (for inline code: the code itself). */
  readonly text: string;
  /** Offset of the paragraph, list item or table cell the text belongs to. */
  readonly block: number;
  /** An inline code span: a link may wrap all of it, never part of it. */
  readonly atomic: boolean;
  /** Offsets of the whole node (for inline code: including the backticks). */
  readonly nodeStart: number;
  readonly nodeEnd: number;
  /** Offsets of the list item's paragraph the text is in, if it is in one. */
  readonly item: readonly [number, number] | null;
};

export type SegmentOptions = {
  /** Offer whole inline code spans as anchors (default: `true`). */
  readonly inlineCode?: boolean;
};

/** Parses Markdown into mdast with positions (GFM on). */
export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

// Nodes whose text is never an anchor: headings, existing links, code, raw HTML, link definitions, footnote labels.
const BLOCKED = new Set(['heading', 'link', 'linkReference', 'code', 'html', 'definition', 'footnoteDefinition', 'footnoteReference', 'imageReference', 'image']);
const BLOCKS = new Set(['paragraph', 'tableCell', 'listItem', 'blockquote']);

/** Lists the linkable text of a draft: text outside headings, links, code, HTML and images. */
export function listSegments(markdown: string, tree: Root = parseMarkdown(markdown), options: SegmentOptions = {}): Segment[] {
  const out: Segment[] = [];
  const inlineCode = options.inlineCode ?? true;
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    if (node.type !== 'text' && node.type !== 'inlineCode') return;
    if (ancestors.some((a) => BLOCKED.has(a.type)) || inTableHead(ancestors)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    let block = 0;
    let item: [number, number] | null = null;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i];
      if (a && BLOCKS.has(a.type)) {
        block = a.position?.start.offset ?? 0;
        if (a.type === 'paragraph' && ancestors[i - 1]?.type === 'listItem') item = [block, a.position?.end.offset ?? block];
        break;
      }
    }
    const source = markdown.slice(start, end);
    if (node.type === 'text') {
      // Escapes and entities make the source differ from the value; such text is left alone.
      if (source !== node.value) return;
      for (const [from, to] of listProse(source)) {
        const text = source.slice(from, to);
        out.push({ start: start + from, end: start + to, text, block, atomic: false, nodeStart: start + from, nodeEnd: start + to, item });
      }
      return;
    }
    if (!inlineCode) return;
    const inner = source.indexOf(node.value);
    if (inner < 0) return;
    out.push({ start: start + inner, end: start + inner + node.value.length, text: node.value, block, atomic: true, nodeStart: start, nodeEnd: end, item });
  });
  return out;
}

// A table's first row holds its column headings, and headings are never anchors.
function inTableHead(ancestors: readonly Parents[]): boolean {
  const at = ancestors.findIndex((a) => a.type === 'tableRow');
  return at > 0 && ancestors[at - 1]?.children[0] === ancestors[at];
}

// Shortcode tags and template actions (`{{< figure alt="…" >}}`, `{% include … %}`, `{{ .Title }}`) are markup:
// their arguments are attribute values, alt text among them. A tag opened and not closed in the same text hides
// the rest of it; a tag closed and not opened there, what precedes its closer.
const TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{\{[<%][\s\S]*$|\{%[\s\S]*$|^(?:(?!\{[{%])[\s\S])*?[%>]\}\}|^(?:(?!\{[{%])[\s\S])*?%\}/g;
// A line that assigns a value (`draft = true`, `title: 'My post'` after a key) or opens a table (`[menus.main]`) is
// configuration, written without a fence inside a shortcode or a paragraph; it is code, not prose.
const CONFIG_LINE = /^[ \t]*(?:\[{1,2}[\w.-]+\]{1,2}|[\w.-]+[ \t]*=[ \t]*\S.*)[ \t]*$/gm;

/** The ranges of a text node that are prose: outside shortcode tags and configuration lines. */
function listProse(text: string): [number, number][] {
  const cut: [number, number][] = [];
  for (const m of text.matchAll(TAG)) if (m[0].length > 0) cut.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(CONFIG_LINE)) if (m[0].length > 0) cut.push([m.index, m.index + m[0].length]);
  cut.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let at = 0;
  for (const [from, to] of cut) {
    if (from > at) out.push([at, from]);
    at = Math.max(at, to);
  }
  if (at < text.length) out.push([at, text.length]);
  return out.filter(([from, to]) => /[\p{L}\p{N}]/u.test(text.slice(from, to)));
}

export type ExistingLink = { readonly url: string; readonly block: number };

/** The links a draft already has (inline and reference), with the block each sits in. */
export function listExistingLinks(tree: Root): ExistingLink[] {
  const definitions = new Map<string, string>();
  visitParents(tree, 'definition', (d) => void definitions.set(d.identifier, d.url));
  const out: ExistingLink[] = [];
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier);
    if (url === undefined) return;
    let block = 0;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i];
      if (a && BLOCKS.has(a.type)) {
        block = a.position?.start.offset ?? 0;
        break;
      }
    }
    out.push({ url, block });
  });
  return out;
}
