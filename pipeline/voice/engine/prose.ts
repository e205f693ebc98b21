/**
 * Prose blocks from Markdown, the way Vale sees them: paragraphs, headings, list items, block
 * quotes, table cells, image alt text, a summary of the body and the raw file. Every character of
 * a block's text knows its offset in the original file, so alerts point at the exact source byte.
 */
import type { Heading, Html, Nodes, Parent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseDocument, isMap, isScalar } from 'yaml';

export type ProseBlock = {
  /** Vale selector, e.g. `text.md`, `text.heading.h2.md`, `sentence.md`, `summary.md`, `raw.md`. */
  readonly scope: string;
  readonly text: string;
  /** Source offset of each UTF-16 unit of `text` (same length as `text`). */
  readonly offsets: readonly number[];
  /** Prose blocks (`text.md`) are also linted as paragraph and sentence blocks. */
  readonly prose?: boolean;
};

export type ProseDocument = {
  readonly source: string;
  readonly blocks: readonly ProseBlock[];
  /** Counts of block kinds, for `metric` rules (`heading_h2`, `list`, `blockquote`, `pre`). */
  readonly counts: Readonly<Record<string, number>>;
  /** Byte range of the YAML front matter, when present. */
  readonly frontMatterEnd: number;
  /** Vale comment controls (`<!-- vale off -->`, `<!-- vale Style.Rule = NO -->`) in source order. */
  readonly controls: readonly CommentControl[];
};

/** `off`/`on` for every rule, or one rule switched (`enabled`). */
export type CommentControl = { readonly offset: number; readonly rule: string | undefined; readonly enabled: boolean };

const CONTROL = /<!--\s*vale\s+(off|on|(\S+\.\S+)\s*=\s*(YES|NO))\s*-->/g;

function readControls(tree: Root): CommentControl[] {
  const controls: CommentControl[] = [];
  visit(tree, 'html', (node: Html) => {
    const start = node.position?.start.offset ?? 0;
    for (const m of node.value.matchAll(CONTROL)) {
      const offset = start + m.index;
      if (m[1] === 'off' || m[1] === 'on') controls.push({ offset, rule: undefined, enabled: m[1] === 'on' });
      else controls.push({ offset, rule: m[2], enabled: m[3] === 'YES' });
    }
  });
  return controls;
}

/** Whether Vale comment controls switch `rule` off at `offset`. */
export function isSwitchedOff(controls: readonly CommentControl[], rule: string, offset: number): boolean {
  let off = false;
  const ruleOff = new Map<string, boolean>();
  for (const c of controls) {
    if (c.offset > offset) break;
    if (c.rule === undefined) off = !c.enabled;
    else ruleOff.set(c.rule, !c.enabled);
  }
  return off || (ruleOff.get(rule) ?? false);
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

class BlockBuilder {
  text = '';
  offsets: number[] = [];

  pushMapped(value: string, source: string, start: number, end: number): void {
    if (source.slice(start, end) === value) {
      for (let k = 0; k < value.length; k += 1) this.offsets.push(start + k);
      this.text += value;
      return;
    }
    // Escapes, entities and continuation-line indentation make the value shorter than its source.
    let j = start;
    let last = start;
    for (const ch of value) {
      while (j < end && source.slice(j, j + ch.length) !== ch) j += 1;
      const at = j < end ? j : last;
      for (let u = 0; u < ch.length; u += 1) this.offsets.push(at + u);
      last = at;
      if (j < end) j += ch.length;
    }
    this.text += value;
  }

  pushMask(start: number, end: number): void {
    for (let k = start; k < end; k += 1) this.offsets.push(k);
    this.text += '*'.repeat(Math.max(0, end - start));
  }

  pushGap(text: string): void {
    const at = this.offsets.length > 0 ? (this.offsets[this.offsets.length - 1] as number) + 1 : 0;
    for (let k = 0; k < text.length; k += 1) this.offsets.push(at);
    this.text += text;
  }
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Appends the prose of inline content; code, HTML and bare URLs become `*` so rules skip them. */
function appendInline(builder: BlockBuilder, node: Nodes, source: string, alts: ProseBlock[]): void {
  switch (node.type) {
    case 'text':
      builder.pushMapped(node.value, source, startOf(node), endOf(node));
      return;
    case 'inlineCode':
    case 'html':
    case 'footnoteReference':
      builder.pushMask(startOf(node), endOf(node));
      return;
    case 'break':
      builder.pushGap('\n');
      return;
    case 'image': {
      builder.pushMask(startOf(node), endOf(node));
      if (node.alt) {
        const alt = new BlockBuilder();
        const at = source.indexOf(node.alt, startOf(node));
        alt.pushMapped(node.alt, source, at >= 0 ? at : startOf(node), at >= 0 ? at + node.alt.length : endOf(node));
        alts.push({ scope: 'text.attr.alt', text: alt.text, offsets: alt.offsets });
      }
      return;
    }
    case 'imageReference':
      builder.pushMask(startOf(node), endOf(node));
      return;
    case 'link': {
      const label = node.children.map((c) => ('value' in c ? c.value : '')).join('');
      if (label === node.url || `mailto:${label}` === node.url || `http://${label}` === node.url) {
        builder.pushMask(startOf(node), endOf(node));
        return;
      }
      for (const child of node.children) appendInline(builder, child, source, alts);
      return;
    }
    default:
      if ('children' in node) for (const child of (node as Parent).children) appendInline(builder, child as Nodes, source, alts);
  }
}

function inlineBlock(node: Parent, scope: string, source: string, alts: ProseBlock[], prose = false): ProseBlock | undefined {
  const builder = new BlockBuilder();
  for (const child of node.children) appendInline(builder, child as Nodes, source, alts);
  if (builder.text.trim() === '') return undefined;
  return prose ? { scope, text: builder.text, offsets: builder.offsets, prose } : { scope, text: builder.text, offsets: builder.offsets };
}

/** Blanks the front matter (same length, newlines kept) so Markdown offsets stay exact. */
function blankFrontMatter(source: string): { body: string; end: number } {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { body: source, end: 0 };
  const end = m[0].length;
  return { body: source.slice(0, end).replace(/[^\n]/g, ' ') + source.slice(end), end };
}

/** Front-matter fields as blocks with scope `frontmatter.<key>` (string values only). */
function frontMatterBlocks(source: string, end: number): ProseBlock[] {
  if (end === 0) return [];
  const start = source.indexOf('\n') + 1;
  const doc = parseDocument(source.slice(start, end), { keepSourceTokens: false });
  const blocks: ProseBlock[] = [];
  if (!isMap(doc.contents)) return blocks;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
    const range = pair.value.range;
    if (!range) continue;
    const raw = source.slice(start + range[0], start + range[1]);
    const value = pair.value.value;
    const inner = raw.indexOf(value);
    const builder = new BlockBuilder();
    const from = start + range[0] + (inner >= 0 ? inner : 0);
    builder.pushMapped(value, source, from, inner >= 0 ? from + value.length : start + range[1]);
    blocks.push({ scope: `frontmatter.${String(pair.key.value)}`, text: builder.text, offsets: builder.offsets });
  }
  return blocks;
}

const SKIPPED_HTML = /<!--[\s\S]*?-->|<(script|style|pre|code)\b[\s\S]*?<\/\1\s*>|<[^>]*>/gi;

/** The text of a raw HTML block, tags and skipped elements masked, as a `text.md` block. */
function htmlTextBlock(html: string, start: number): ProseBlock | undefined {
  const masked = html.replace(SKIPPED_HTML, (m) => m.replace(/[^\n]/g, '*'));
  if (!/[\p{L}\p{N}]/u.test(masked.replace(/\*/g, ''))) return undefined;
  const offsets: number[] = [];
  for (let k = 0; k < masked.length; k += 1) offsets.push(start + k);
  return { scope: 'text.md', text: masked, offsets };
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Parses Markdown into Vale-style prose blocks with exact source offsets. */
export function extractProse(source: string): ProseDocument {
  const { body, end } = blankFrontMatter(source);
  const tree = parser.parse(body) as Root;
  const blocks: ProseBlock[] = [];
  const summary: ProseBlock[] = [];
  const counts: Record<string, number> = {};
  const bump = (key: string): void => {
    counts[key] = (counts[key] ?? 0) + 1;
  };

  const visit = (node: RootContent, container: 'root' | 'list' | 'blockquote'): void => {
    const alts: ProseBlock[] = [];
    switch (node.type) {
      case 'paragraph': {
        const scope = container === 'root' ? 'text.md' : container === 'list' ? 'text.list.md' : 'text.blockquote.md';
        const block = inlineBlock(node, scope, source, alts, container === 'root');
        if (block) {
          blocks.push(block);
          summary.push(block);
          if (container !== 'root') bump(container);
        }
        break;
      }
      case 'heading': {
        const depth = (node as Heading).depth;
        const block = inlineBlock(node, `text.heading.h${depth}.md`, source, alts);
        if (block) {
          blocks.push(block);
          bump(`heading_h${depth}`);
        }
        break;
      }
      case 'list':
        for (const item of node.children) for (const child of item.children) visit(child, 'list');
        break;
      case 'blockquote':
        for (const child of node.children) visit(child, 'blockquote');
        break;
      case 'footnoteDefinition':
        for (const child of node.children) visit(child, container);
        break;
      case 'table':
        node.children.forEach((row, index) => {
          for (const cell of row.children) {
            const block = inlineBlock(cell, index === 0 ? 'text.table.header.md' : 'text.table.cell.md', source, alts);
            if (block) blocks.push(block);
          }
        });
        break;
      case 'code':
        bump('pre');
        break;
      case 'html': {
        // Vale renders raw HTML and lints the text between its tags (not comments, scripts or styles).
        const block = htmlTextBlock(node.value, startOf(node));
        if (block) {
          blocks.push(block);
          summary.push(block);
        }
        break;
      }
      default:
        break;
    }
    blocks.push(...alts);
  };
  for (const child of tree.children) visit(child, 'root');

  const joined = new BlockBuilder();
  summary.forEach((block, index) => {
    if (index > 0) joined.pushGap('\n\n');
    joined.text += block.text;
    // A loop, not a spread: a very long paragraph would overflow the argument list.
    for (const offset of block.offsets) joined.offsets.push(offset);
  });
  blocks.push(...frontMatterBlocks(source, end));
  blocks.push({ scope: 'summary.md', text: joined.text, offsets: joined.offsets });
  const raw: number[] = new Array<number>(source.length);
  for (let k = 0; k < source.length; k += 1) raw[k] = k;
  blocks.push({ scope: 'raw.md', text: source, offsets: raw });
  return { source, blocks, counts, frontMatterEnd: end, controls: readControls(tree) };
}

/** A slice of a block as its own block (sentences, paragraphs). */
export function sliceBlock(block: ProseBlock, start: number, end: number, scope: string): ProseBlock {
  return { scope, text: block.text.slice(start, end), offsets: block.offsets.slice(start, end) };
}
