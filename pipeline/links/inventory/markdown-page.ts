/** Page fields from a Markdown file with front matter (a static site's content, or a copydesk draft). */
import matter from 'gray-matter';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../suggest/draft-segments.ts';

export type MarkdownFields = {
  readonly data: Readonly<Record<string, unknown>>;
  readonly title: string;
  readonly description: string;
  readonly headings: string[];
  readonly text: string;
  readonly keyphrase: string | undefined;
  readonly aliases: string[];
  readonly locale: string;
  /** Front-matter `date` as `YYYY-MM-DD`. */
  readonly date: string | undefined;
};

const SKIP_BLOCKS = new Set(['code', 'html', 'definition', 'yaml', 'toml']);

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Splits front matter from the body and reads the page's fields (`title`, `description`/`summary`, `keyphrase`/`keyword`). */
export function readMarkdownPage(source: string): MarkdownFields {
  const parsed = matter(source);
  const data = parsed.data as Record<string, unknown>;
  const tree = parseMarkdown(parsed.content);
  const headings: string[] = [];
  const blocks: string[] = [];
  let firstH1 = '';
  for (const node of tree.children as Nodes[]) {
    if (SKIP_BLOCKS.has(node.type)) continue;
    if (node.type === 'heading') {
      const text = toString(node).trim();
      if (node.depth === 1 && !firstH1) firstH1 = text;
      else headings.push(text);
      continue;
    }
    blocks.push(toString(node, { includeImageAlt: false }));
  }
  const aliases = Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
  const keyphrase = str(data.keyphrase) || str(data.keyword) || undefined;
  return {
    data,
    title: str(data.title) || firstH1,
    description: str(data.description) || str(data.summary),
    headings,
    text: blocks.join('\n'),
    keyphrase,
    aliases,
    locale: str(data.locale) || str(data.lang) || str(data.language),
    // YAML dates arrive as Date objects, quoted ones as strings.
    date: data.date instanceof Date ? data.date.toISOString().slice(0, 10) : /^\d{4}-\d{2}-\d{2}/.test(str(data.date)) ? str(data.date).slice(0, 10) : undefined,
  };
}
