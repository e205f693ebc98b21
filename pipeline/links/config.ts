/** The `links:` section of copydesk.config.yaml (owned by the internal-linking stage). */
import { z } from 'zod';

export const linksConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
  })
  .prefault({});

export type LinksConfig = z.infer<typeof linksConfigSchema>;
