/** The `gate:` section of copydesk.config.yaml (owned by the review gate). */
import { z } from 'zod';

/** Claims no draft may make, whatever the brief says (the voice stage has its own, finer rules). */
export const DEFAULT_BANNED_CLAIMS = ['guaranteed', 'cure', 'best in the world', 'clinically proven', '100% safe'] as const;

export const gateConfigSchema = z
  .strictObject({
    /** Check numbers, prices and dates in drafts against the brief (default: `true`). */
    check_numbers: z.boolean().default(true),
    /** Number words up to this value ("three reasons") count things and are not checked (default: `10`). */
    count_words_up_to: z.number().int().min(0).max(99).default(10),
    /** Phrases flagged as `review/banned-claim` wherever a draft uses them (default: the list above). */
    banned_claims: z.array(z.string().trim().min(1)).default([...DEFAULT_BANNED_CLAIMS]),
    /** Scan briefs for text that tries to instruct the model (default: `true`). */
    scan_briefs: z.boolean().default(true),
  })
  .prefault({});

export type GateConfig = z.infer<typeof gateConfigSchema>;
