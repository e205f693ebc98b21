/** Page fields from an HTML document: title, meta description, headings, main text, language. */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';

export type HtmlFields = {
  readonly title: string;
  readonly description: string;
  readonly headings: string[];
  readonly text: string;
  readonly locale: string;
};

const CHROME = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'svg', 'form']);

function findFirst(tree: Root | Element, test: (e: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (e: Element) => {
    if (found) return SKIP;
    if (test(e)) {
      found = e;
      return SKIP;
    }
    return undefined;
  });
  return found;
}

function withoutChrome(node: Element): Element {
  return { ...node, children: node.children.filter((c) => !(c.type === 'element' && CHROME.has(c.tagName))).map((c) => (c.type === 'element' ? withoutChrome(c) : c)) };
}

/** Reads an HTML page; the text comes from `<main>` (else `<article>`, else `<body>`) without navigation and scripts. */
export function readHtmlPage(html: string): HtmlFields {
  const tree = fromHtml(html);
  const titleEl = findFirst(tree, (e) => e.tagName === 'title');
  const h1 = findFirst(tree, (e) => e.tagName === 'h1');
  const meta = findFirst(tree, (e) => e.tagName === 'meta' && String(e.properties.name ?? '').toLowerCase() === 'description');
  const htmlEl = findFirst(tree, (e) => e.tagName === 'html');
  const main = findFirst(tree, (e) => e.tagName === 'main') ?? findFirst(tree, (e) => e.tagName === 'article') ?? findFirst(tree, (e) => e.tagName === 'body');
  const body = main ? withoutChrome(main) : undefined;
  const headings: string[] = [];
  if (body) {
    visit(body, 'element', (e: Element) => {
      if (/^h[2-6]$/.test(e.tagName)) headings.push(toText(e).replace(/\s+/g, ' ').trim());
    });
  }
  const rawTitle = (titleEl ? toText(titleEl) : h1 ? toText(h1) : '').replace(/\s+/g, ' ').trim();
  return {
    // Site names after a separator ("Linen shirts | Harbor & Pine") are not the page's name.
    title: h1 ? toText(h1).replace(/\s+/g, ' ').trim() || rawTitle : rawTitle.replace(/\s+[|–—·]\s+[^|–—·]+$/, ''),
    description: String(meta?.properties.content ?? '').trim(),
    headings: headings.filter(Boolean),
    text: body ? toText(body).replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim() : '',
    locale: String(htmlEl?.properties.lang ?? ''),
  };
}
