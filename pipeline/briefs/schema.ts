/** Brief schemas (DESIGN.md "Briefs"): the single source of the brief types. */
import { z } from 'zod';

export const TARGETS = ['static', 'contentful', 'shopify'] as const;
export type TargetKind = (typeof TARGETS)[number];

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const localePattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const common = {
  id: z.string().min(1).optional(),
  title: z.string().trim().min(1),
  keyword: z.string().trim().min(1),
  keywords: z.array(z.string().trim().min(1)).optional(),
  audience: z.string().trim().min(1).optional(),
  words: z.number().int().positive().max(20_000).optional(),
  target: z.enum(TARGETS).optional(),
  locale: z.string().regex(localePattern).optional(),
  links: z.array(z.string().min(1)).optional(),
  cta: z.string().trim().min(1).optional(),
  tone: z.string().trim().min(1).optional(),
  slug: z.string().regex(slugPattern).max(75).optional(),
  tags: z.array(z.string().trim().min(1)).optional(),
  /** Ask for a short FAQ (and FAQPage structured data). */
  faq: z.boolean().optional(),
};

export const articleBriefSchema = z.strictObject({
  type: z.literal('article'),
  ...common,
  author: z.string().trim().min(1).optional(),
  date: z.iso.date().optional(),
});

export const productBriefSchema = z.strictObject({
  type: z.literal('product'),
  ...common,
  sku: z.string().trim().min(1),
  price: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  vendor: z.string().trim().min(1).optional(),
  product_type: z.string().trim().min(1).optional(),
  images: z.array(z.string().min(1)).optional(),
  availability: z.enum(['in_stock', 'out_of_stock', 'preorder', 'discontinued']).optional(),
});

export const briefFrontMatterSchema = z.discriminatedUnion('type', [articleBriefSchema, productBriefSchema]);

export type ArticleFrontMatter = z.infer<typeof articleBriefSchema>;
export type ProductFrontMatter = z.infer<typeof productBriefSchema>;
export type BriefFrontMatter = z.infer<typeof briefFrontMatterSchema>;

/** Every key a brief may carry, per type, for "did you mean" suggestions. */
export const KNOWN_KEYS = {
  article: Object.keys(articleBriefSchema.shape),
  product: Object.keys(productBriefSchema.shape),
} as const;

type BriefBase = {
  /** Stable id: front matter `id`, else the path relative to the briefs folder without `.md`. */
  readonly id: string;
  /** Path as given to the user (relative to the working directory). */
  readonly file: string;
  /** Output slug: front matter `slug`, else the id's last segment. */
  readonly slug: string;
  /** The Markdown body (notes, outline, facts), LF line endings, no BOM. */
  readonly body: string;
  /** Line in the file where the body starts (1-based). */
  readonly bodyLine: number;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  /** Line of each top-level front-matter key in the file, for located messages. */
  readonly keyLines?: Readonly<Record<string, number>>;
};

export type ArticleBrief = BriefBase & { readonly kind: 'article'; readonly data: ArticleFrontMatter };
export type ProductBrief = BriefBase & { readonly kind: 'product'; readonly data: ProductFrontMatter };
export type Brief = ArticleBrief | ProductBrief;
