/** The short per-stage summary of a draft: for the run record, the summary screen and the draft's `copydesk` block. */
import type { DraftDoc } from './document.ts';
import type { LinksStageResult } from './links/index.ts';
import type { SeoStageResult } from './seo/index.ts';
import type { VoiceStageResult } from './voice/index.ts';

export type LinkSummary = { readonly url: string; readonly anchor: string; readonly score: number; readonly terms: readonly string[]; readonly line: number; readonly column: number; readonly required: boolean };

export type StageSummary = {
  readonly voice?: { readonly before: number; readonly after: number };
  readonly seo?: { readonly passed: number; readonly failed: number };
  readonly links?: readonly LinkSummary[];
};

/** Voice score before → after, SEO checks passed/failed, and each inserted link with its reason. Pure. */
export function summarizeStages(doc: DraftDoc): StageSummary {
  const voice = doc.stages.voice as VoiceStageResult | undefined;
  const seo = doc.stages.seo as SeoStageResult | undefined;
  const links = doc.stages.links as LinksStageResult | undefined;
  return {
    ...(voice && typeof voice.before === 'number' ? { voice: { before: voice.before, after: voice.after } } : {}),
    ...(seo && typeof seo.passed === 'number' ? { seo: { passed: seo.passed, failed: seo.failed } } : {}),
    ...(links?.inserted
      ? { links: links.inserted.map(({ url, anchor, score, terms, line, column, required }) => ({ url, anchor, score, terms, line, column, required })) }
      : {}),
  };
}
