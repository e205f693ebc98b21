/**
 * Reads a Markdown body into what the SEO checks need: text blocks with their sentences and words,
 * headings, links and images, each with its position (1-based line and column) in the source.
 * Markdown is parsed by remark (mdast); sentences and words come from parse-english (nlcst).
 */
import type { Definition, Heading, Nodes, Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
import { toString as nlcstToString } from 'nlcst-to-string';
import type { Sentence as NlcstSentence } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isPassiveSentence } from './passive-voice.ts';

export type Place = { readonly line: number; readonly column: number };

export type SentenceInfo = {
  readonly text: string;
  readonly words: readonly string[];
  readonly passive: boolean;
  readonly place: Place;
};

export type TextBlock = {
  readonly kind: 'paragraph' | 'heading' | 'cell';
  /** Heading depth (1–6); 0 for other blocks. */
  readonly depth: number;
  readonly text: string;
  readonly wordCount: number;
  readonly sentences: readonly SentenceInfo[];
  readonly place: Place;
};

export type LinkInfo = { readonly url: string; readonly text: string; readonly place: Place };
export type ImageInfo = { readonly url: string; readonly alt: string; readonly place: Place };

/** What the checks read from a Markdown body. */
export type MarkdownAnalysis = {
  /** Every text block in document order (paragraphs, headings, table cells). */
  readonly blocks: readonly TextBlock[];
  readonly paragraphs: readonly TextBlock[];
  readonly headings: readonly TextBlock[];
  readonly links: readonly LinkInfo[];
  readonly images: readonly ImageInfo[];
  readonly wordCount: number;
};

type Mapping = { readonly textOffset: number; readonly sourceOffset: number };

const parser = unified().use(remarkParse).use(remarkGfm);
const english = new ParseEnglish();

/**
 * Analyses a Markdown body. `lineOffset` is added to every line (for a body that starts
 * below front matter; default: `0`).
 */
export function analyseMarkdown(markdown: string, lineOffset = 0): MarkdownAnalysis {
  const tree = parser.parse(markdown) as Root;
  const lineStarts = indexLineStarts(markdown);
  const toPlace = (offset: number | undefined): Place => placeAt(lineStarts, offset ?? 0, lineOffset);
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node);
  });

  const blocks: TextBlock[] = [];
  const links: LinkInfo[] = [];
  const images: ImageInfo[] = [];
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        blocks.push(readBlock(node, toPlace));
        return;
      case 'link':
        links.push({ url: node.url, text: plainText(node.children), place: toPlace(node.position?.start.offset) });
        return;
      case 'linkReference': {
        const target = definitions.get(node.identifier);
        if (target) links.push({ url: target.url, text: plainText(node.children), place: toPlace(node.position?.start.offset) });
        return;
      }
      case 'image':
        images.push({ url: node.url, alt: node.alt ?? '', place: toPlace(node.position?.start.offset) });
        return;
      case 'imageReference':
        images.push({ url: definitions.get(node.identifier)?.url ?? '', alt: node.alt ?? '', place: toPlace(node.position?.start.offset) });
        return;
      case 'html':
        for (const img of readHtmlImages(node.value)) images.push({ ...img, place: toPlace(node.position?.start.offset) });
        return;
      default:
        return;
    }
  });

  return {
    blocks,
    paragraphs: blocks.filter((b) => b.kind === 'paragraph' && b.wordCount > 0),
    headings: blocks.filter((b) => b.kind === 'heading'),
    links,
    images,
    wordCount: blocks.reduce((sum, b) => sum + b.wordCount, 0),
  };
}

function readBlock(node: Paragraph | Heading | TableCell, toPlace: (offset: number | undefined) => Place): TextBlock {
  const mappings: Mapping[] = [];
  const text = collectText(node.children, mappings, { value: '' });
  const sourceOf = (textOffset: number): number | undefined => {
    let found: Mapping | undefined;
    for (const m of mappings) {
      if (m.textOffset > textOffset) break;
      found = m;
    }
    return found ? found.sourceOffset + (textOffset - found.textOffset) : node.position?.start.offset;
  };
  const sentences: SentenceInfo[] = [];
  const root = english.parse(text);
  visit(root, 'SentenceNode', (sentence: NlcstSentence) => {
    const words = sentence.children.filter((c) => c.type === 'WordNode').map((w) => nlcstToString(w));
    if (words.length === 0) return;
    sentences.push({
      text: nlcstToString(sentence),
      words,
      passive: isPassiveSentence(words),
      place: toPlace(sourceOf(sentence.position?.start.offset ?? 0)),
    });
  });
  return {
    kind: node.type === 'tableCell' ? 'cell' : node.type,
    depth: node.type === 'heading' ? node.depth : 0,
    text,
    wordCount: sentences.reduce((sum, s) => sum + s.words.length, 0),
    sentences,
    place: toPlace(node.position?.start.offset),
  };
}

function collectText(children: readonly PhrasingContent[], mappings: Mapping[], acc: { value: string }): string {
  for (const child of children) {
    if (child.type === 'text' || child.type === 'inlineCode') {
      const start = child.position?.start.offset;
      if (start !== undefined) mappings.push({ textOffset: acc.value.length, sourceOffset: child.type === 'inlineCode' ? start + 1 : start });
      acc.value += child.value;
    } else if (child.type === 'break') {
      acc.value += ' ';
    } else if ('children' in child) {
      collectText(child.children, mappings, acc);
    }
  }
  return acc.value;
}

function plainText(children: readonly PhrasingContent[]): string {
  return collectText(children, [], { value: '' }).replace(/\s+/g, ' ').trim();
}

function readHtmlImages(html: string): Array<{ url: string; alt: string }> {
  const found: Array<{ url: string; alt: string }> = [];
  for (const tag of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(tag[0])?.[1] ?? '';
    const alt = /\balt\s*=\s*["']([^"']*)["']/i.exec(tag[0])?.[1] ?? '';
    found.push({ url: src, alt });
  }
  return found;
}

function indexLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function placeAt(lineStarts: readonly number[], offset: number, lineOffset: number): Place {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1 + lineOffset, column: offset - (lineStarts[low] ?? 0) + 1 };
}
