/** Review flags for failing checks, with the hints an editor needs to fix them (a passing slug, alt texts). */
import type { ReviewFlag } from '../document.ts';
import { checksToFlags } from './checks/run-checks.ts';
import type { SeoCheck } from './checks/types.ts';
import type { ImageAlt } from './metadata-answer.ts';
import type { MarkdownAnalysis } from './text/analyse-markdown.ts';

export type FlagHints = {
  /** A slug that passes, when the page's fixed one does not. */
  readonly slugSuggestion?: string | undefined;
  /** Alt texts proposed for images, by source. */
  readonly imageAlts?: readonly ImageAlt[];
};

/** Flags for the checks that are not good; slug and image flags carry a suggestion when there is one. */
export function flagChecks(checks: readonly SeoCheck[], analysis: MarkdownAnalysis, hints: FlagHints): ReviewFlag[] {
  const altFor = (src: string): string | undefined => hints.imageAlts?.find((a) => a.src === src && a.alt.trim() !== '')?.alt;
  const missingAlts = analysis.images.filter((i) => i.alt.trim() === '' && altFor(i.url)).map((i) => `${i.url}: "${altFor(i.url)}"`);
  return checksToFlags(checks).map((f) => {
    if (f.rule.startsWith('seo/slug-') && hints.slugSuggestion) return { ...f, message: `${f.message}; a slug that passes: ${hints.slugSuggestion}` };
    if (f.rule === 'seo/image-alt' && missingAlts.length > 0) return { ...f, message: `${f.message}; suggested alt text: ${missingAlts.join('; ')}` };
    return f;
  });
}
