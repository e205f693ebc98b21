/**
 * The `seo:` section of copydesk.config.yaml (owned by the SEO stage).
 * Defaults are Yoast SEO's published scoring boundaries (yoastseo "SCORING SEO.md" and
 * "SCORING READABILITY.md"): the `*_ok` values bound Yoast's orange band, past them is red.
 */
import { z } from 'zod';

const crumbSchema = z.strictObject({
  name: z.string().min(1),
  /** Path or absolute URL; paths are resolved against `brand.url`. */
  url: z.string().min(1),
});

/** Schema of the `seo:` section; every key has a default. */
export const seoConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Widest SEO title in Google's title font, Arial 20 px (default: `600`). */
    title_max_px: z.number().positive().default(600),
    /** Shortest good meta description, in characters (default: `120`). */
    description_min_chars: z.number().int().positive().default(120),
    /** Longest good meta description, in characters (default: `156`). */
    description_max_chars: z.number().int().positive().default(156),
    /** Most keyphrase matches a meta description should hold (default: `2`). */
    description_max_keyphrase: z.number().int().positive().default(2),
    /** Longest slug, in characters (default: `75`). */
    slug_max_chars: z.number().int().positive().default(75),
    /** Keyphrase density bounds in percent of words (default: `0.5`–`3`). */
    density_min: z.number().nonnegative().default(0.5),
    density_max: z.number().positive().default(3),
    /** Density is judged on texts of at least this many words (default: `100`). */
    density_min_words: z.number().int().nonnegative().default(100),
    /** Share of H2/H3 headings that should reflect the keyphrase, in percent (default: `30`–`75`). */
    subheadings_min: z.number().nonnegative().default(30),
    subheadings_max: z.number().positive().default(75),
    /** Minimum words in the body (default: `300`; `250` still ok). */
    text_min_words: z.number().int().nonnegative().default(300),
    text_min_words_ok: z.number().int().nonnegative().default(250),
    /** Allowed deviation from the brief's `words`, in percent (default: `20`). */
    text_target_tolerance: z.number().nonnegative().default(20),
    /** Longest paragraph in words (default: `150`; up to `200` still ok). */
    paragraph_max_words: z.number().int().positive().default(150),
    paragraph_max_words_ok: z.number().int().positive().default(200),
    /** A sentence longer than this many words is long (default: `20`). */
    sentence_max_words: z.number().int().positive().default(20),
    /** Share of long sentences in percent (default: `25`; up to `30` still ok). */
    long_sentences_max: z.number().nonnegative().default(25),
    long_sentences_max_ok: z.number().nonnegative().default(30),
    /** Share of sentences in the passive voice in percent (default: `10`; up to `15` still ok). */
    passive_max: z.number().nonnegative().default(10),
    passive_max_ok: z.number().nonnegative().default(15),
    /** Internal links a draft should carry after the links stage (default: `1`). */
    internal_links_min: z.number().int().nonnegative().default(1),
    /** URL path prefixes of articles and products on the site (default: `/blog/`, `/products/`). */
    article_path: z.string().default('/blog/'),
    product_path: z.string().default('/products/'),
    /** Image for Open Graph and JSON-LD when the draft has none (default: none). */
    default_image: z.string().min(1).optional(),
    /** Twitter/X handle of the site, e.g. `@harborandpine` (default: none). */
    twitter_site: z.string().min(1).optional(),
    /** Breadcrumb trail above each page kind; the page itself is appended (default: Home › Journal/Shop). */
    breadcrumbs: z
      .strictObject({
        article: z.array(crumbSchema).default([
          { name: 'Home', url: '/' },
          { name: 'Journal', url: '/blog/' },
        ]),
        product: z.array(crumbSchema).default([
          { name: 'Home', url: '/' },
          { name: 'Shop', url: '/products/' },
        ]),
      })
      .prefault({}),
  })
  .prefault({});

export type SeoConfig = z.infer<typeof seoConfigSchema>;
