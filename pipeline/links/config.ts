/** The `links:` section of copydesk.config.yaml (owned by the internal-linking stage). */
import { z } from 'zod';

const sitemapSourceSchema = z.strictObject({
  kind: z.literal('sitemap'),
  /** A sitemap or sitemap index: a file path or an http(s) URL. */
  location: z.string().min(1),
  /** Fetch each listed page for its title, headings and text (default: `false`: titles come from the URL). */
  fetch_pages: z.boolean().default(false),
  /** Locale of the pages (default: the top-level `locale`). */
  locale: z.string().min(2).optional(),
});

const folderSourceSchema = z.strictObject({
  kind: z.literal('folder'),
  /** Folder of Markdown and HTML content, e.g. a Hugo `content/` folder. */
  path: z.string().min(1),
  /** Prefix of every URL built from a file path (default: `/`). */
  base_url: z.string().default('/'),
  locale: z.string().min(2).optional(),
});

const draftsSourceSchema = z.strictObject({
  kind: z.literal('drafts'),
  /** Folder of copydesk's static drafts (default: the top-level `output`). */
  path: z.string().min(1).optional(),
});

const jsonlSourceSchema = z.strictObject({
  kind: z.literal('jsonl'),
  /** One page per line: `{url, title, description, headings, text, locale, kind}`. */
  path: z.string().min(1),
});

export const linksSourceSchema = z.discriminatedUnion('kind', [
  sitemapSourceSchema,
  folderSourceSchema,
  draftsSourceSchema,
  jsonlSourceSchema,
]);
export type LinksSource = z.infer<typeof linksSourceSchema>;

export const linksConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Where the inventory comes from (default: copydesk's own drafts). */
    sources: z.array(linksSourceSchema).default([{ kind: 'drafts' }]),
    /** Host names that count as this site in absolute URLs (default: none). */
    site_hosts: z.array(z.string().min(1)).default([]),
    /** URL of a draft, `{slug}` filled in (default: `/{slug}/`). */
    draft_url: z.string().min(1).default('/{slug}/'),
    /** Largest inventory accepted, in pages (default: 200000). */
    max_pages: z.number().int().positive().default(200_000),
    index: z
      .strictObject({
        /** Words of body text indexed per page, after title, headings and description (default: 100). */
        body_words: z.number().int().min(0).default(100),
        /** BM25F field weights (defaults: title 3, headings 1.5, description 1.5, text 1). */
        weights: z
          .strictObject({
            title: z.number().positive().default(3),
            headings: z.number().positive().default(1.5),
            description: z.number().positive().default(1.5),
            text: z.number().positive().default(1),
          })
          .prefault({}),
      })
      .prefault({}),
    anchors: z
      .strictObject({
        /** Allow a link around a whole inline code span such as `strings.Truncate` (default: `true`). */
        inline_code: z.boolean().default(true),
        /** Never use the draft's focus keyphrase as an anchor (default: `true`). */
        skip_keyphrase: z.boolean().default(true),
        /** Shortest anchor, in characters (default: 3). */
        min_chars: z.number().int().min(1).default(3),
      })
      .prefault({}),
    caps: z
      .strictObject({
        /** Links per 1,000 words of draft, rounded up (default: 10). */
        per_1000_words: z.number().min(0).default(10),
        /** Links per paragraph or list item (default: 1). */
        per_paragraph: z.number().int().min(1).default(1),
        /** Most links in one draft (default: 10). */
        max_links: z.number().int().min(0).default(10),
      })
      .prefault({}),
    /** Lowest score a suggested link needs, 0–1 (default: 0.2). */
    min_score: z.number().min(0).max(1).default(0.2),
    /** Kinds of page linked even when dated after the draft: upcoming events (default: `event`, `events`). */
    future_kinds: z.array(z.string().min(1)).default(['event', 'events']),
    /** Remove links to site pages missing from the inventory and not named by the brief (default: `true`). */
    remove_unknown: z.boolean().default(true),
  })
  .prefault({});

export type LinksConfig = z.infer<typeof linksConfigSchema>;
