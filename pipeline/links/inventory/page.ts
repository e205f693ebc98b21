/** One page of the site inventory: what a link can point at. */
import { hash } from 'node:crypto';
import { z } from 'zod';

export const pageSchema = z.object({
  /** Site path (`/guides/linen/`) or absolute URL. */
  url: z.string().min(1),
  title: z.string(),
  description: z.string().default(''),
  headings: z.array(z.string()).default([]),
  /** Body as plain text. */
  text: z.string().default(''),
  locale: z.string().default(''),
  /** Kind of page: `article`, `product`, `collection`, a section name… */
  kind: z.string().default('page'),
  /** The page's own focus keyphrase, when its source knows it. */
  keyphrase: z.string().optional(),
  /** Publication date, `YYYY-MM-DD` (pages dated after a draft are not linked from it, events excepted). */
  date: z.string().optional(),
  /** Other URLs that reach this page (redirects, Hugo aliases). */
  aliases: z.array(z.string()).optional(),
});

export type Page = z.infer<typeof pageSchema>;

/**
 * Content hash of a page: changes whenever anything the index reads changes. The fields are joined with control
 * characters (not JSON: at 100,000 pages, escaping every body costs more than hashing it).
 */
export function hashPage(page: Page): string {
  const parts = [page.url, page.title, page.description, page.headings.join('\u0001'), page.text, page.locale, page.kind, page.keyphrase ?? '', (page.aliases ?? []).join('\u0001'), page.date ?? ''];
  return hash('sha1', parts.join('\u0000')).slice(0, 24);
}
