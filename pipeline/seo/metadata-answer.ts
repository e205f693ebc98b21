/** The `seo-metadata` task: its structured input (what the prompt is filled from) and its answer schema. */
import { z } from 'zod';
import type { MetadataField } from './checks/types.ts';

/** The model's answer, validated with zod before use. */
export const seoMetadataAnswerSchema = z.strictObject({
  seo_title: z.string(),
  description: z.string(),
  slug: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  image_alts: z.array(z.strictObject({ src: z.string(), alt: z.string() })),
  faq: z.array(z.strictObject({ question: z.string(), answer: z.string() })),
});

export type SeoMetadataAnswer = z.infer<typeof seoMetadataAnswerSchema>;
export type ImageAlt = SeoMetadataAnswer['image_alts'][number];
export type FaqEntry = SeoMetadataAnswer['faq'][number];

/** JSON schema sent to the model: closed objects, every field required, no length or numeric bounds. */
export const SEO_METADATA_JSON_SCHEMA = {
  type: 'object',
  properties: {
    seo_title: { type: 'string' },
    description: { type: 'string' },
    slug: { type: 'string' },
    excerpt: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    image_alts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { src: { type: 'string' }, alt: { type: 'string' } },
        required: ['src', 'alt'],
        additionalProperties: false,
      },
    },
    faq: {
      type: 'array',
      items: {
        type: 'object',
        properties: { question: { type: 'string' }, answer: { type: 'string' } },
        required: ['question', 'answer'],
        additionalProperties: false,
      },
    },
  },
  required: ['seo_title', 'description', 'slug', 'excerpt', 'tags', 'image_alts', 'faq'],
  additionalProperties: false,
} as const;

const fieldSchema = z.enum(['seo_title', 'description', 'slug', 'images']);

/** One failed check the model is asked to fix on its second try. */
export const failedCheckSchema = z.strictObject({ field: fieldSchema, rule: z.string(), message: z.string() });
export type FailedCheck = z.infer<typeof failedCheckSchema> & { readonly field: MetadataField };

/** Everything the metadata prompt is filled from; the offline handler composes its answer from it. */
export const seoMetadataInputSchema = z.strictObject({
  brand: z.string(),
  kind: z.enum(['article', 'product']),
  /** The page's H1 title. */
  title: z.string(),
  keyphrase: z.string(),
  /** The page's locale: English gets word forms and function words in keyphrase matching. */
  locale: z.string(),
  keywords: z.array(z.string()),
  /** Tags the brief asks for (may be empty). */
  tags: z.array(z.string()),
  /** Whether the brief asks for a short FAQ. */
  faq: z.boolean(),
  /** The page's fixed slug. */
  slug: z.string(),
  /** Images that need alt text: the brief's product images and the body's images. */
  images: z.array(z.string()),
  /** Alt texts the drafting model wrote for the brief's images (it saw them; this model does not). */
  known_alts: z.array(z.strictObject({ src: z.string(), alt: z.string() })),
  /** Product facts from the brief, for product pages. */
  product: z
    .strictObject({
      name: z.string(),
      sku: z.string(),
      price: z.number(),
      currency: z.string(),
      vendor: z.string().optional(),
      product_type: z.string().optional(),
    })
    .optional(),
  /** The draft body (Markdown). */
  markdown: z.string(),
  limits: z.strictObject({
    title_max_px: z.number(),
    description_min_chars: z.number(),
    description_max_chars: z.number(),
    description_max_keyphrase: z.number(),
    slug_max_chars: z.number(),
  }),
  /** Set on the second try: what failed and the first answer. */
  retry: z.strictObject({ failed: z.array(failedCheckSchema), previous: seoMetadataAnswerSchema }).optional(),
});

export type SeoMetadataInput = z.infer<typeof seoMetadataInputSchema>;
