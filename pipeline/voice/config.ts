/** The `voice:` section of copydesk.config.yaml (owned by the brand-voice stage). */
import { z } from 'zod';

export const voiceConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
  })
  .prefault({});

export type VoiceConfig = z.infer<typeof voiceConfigSchema>;
