/** The `seo:` section of copydesk.config.yaml (owned by the SEO stage). */
import { z } from 'zod';

export const seoConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
  })
  .prefault({});

export type SeoConfig = z.infer<typeof seoConfigSchema>;
