/** The SEO checks the orchestrator runs after the links stage: internal links, competing anchors, cannibalisation. */
import type { Config } from '../config/schema.ts';
import type { DraftDoc, ReviewFlag } from '../document.ts';
import { checkLinks, checksToFlags, summariseChecks } from './checks/run-checks.ts';
import type { InventoryFocus } from './checks/link-checks.ts';
import type { SeoCheck } from './checks/types.ts';
import type { SeoStageResult } from './seo-stage.ts';
import { pageUrl } from './structured-data.ts';
import { analyseMarkdown } from './text/analyse-markdown.ts';

export type LinkRuleOptions = {
  readonly config: Config;
  /**
   * Focus keyphrases of the site inventory's pages, `{keyphrase: url}` or `[keyphrase, url]` pairs
   * (e.g. from the links inventory's `Page.keyphrase`); cannibalisation is skipped without it.
   */
  readonly inventoryFocus?: InventoryFocus | undefined;
};

/** Runs the post-link checks on a document (pure): the results and the flags for the failing ones. */
export function checkLinkRules(doc: DraftDoc, options: LinkRuleOptions): { checks: SeoCheck[]; flags: ReviewFlag[] } {
  const brief = doc.job.brief;
  const keyphrase = typeof doc.fields.keyphrase === 'string' ? doc.fields.keyphrase : brief.data.keyword;
  const checks = checkLinks(
    analyseMarkdown(doc.markdown),
    {
      keyphrase,
      siteUrl: options.config.brand.url,
      inventoryFocus: options.inventoryFocus,
      ownUrls: [pageUrl(brief, brief.slug, options.config)],
      locale: brief.data.locale ?? options.config.locale,
    },
    options.config.seo,
  );
  return { checks, flags: checksToFlags(checks) };
}

/**
 * Runs the post-link checks and folds them into the document: flags appended, and
 * `doc.stages.seo` (checks, passed, failed) updated so the run summary counts them.
 */
export function applyLinkRules(doc: DraftDoc, options: LinkRuleOptions): DraftDoc {
  const { checks, flags } = checkLinkRules(doc, options);
  const previous = doc.stages.seo as SeoStageResult | undefined;
  const kept = (previous?.checks ?? []).filter((c) => c.scope !== 'links');
  const all = [...kept, ...checks];
  const seo = previous ? { ...previous, ...summariseChecks(all), checks: all } : { ...summariseChecks(all), checks: all };
  const rules = new Set(checks.map((c) => c.rule));
  return {
    ...doc,
    flags: [...doc.flags.filter((f) => !rules.has(f.rule)), ...flags],
    stages: { ...doc.stages, seo },
  };
}
