/** The SEO checks the orchestrator runs after the links stage: internal links, competing anchors, cannibalisation. */
import { z } from 'zod';
import type { Config } from '../config/schema.ts';
import type { DraftDoc, ReviewFlag } from '../document.ts';
import { checkBody, checkLinks, checksToFlags, summariseChecks } from './checks/run-checks.ts';
import type { InventoryFocus } from './checks/link-checks.ts';
import type { SeoCheck } from './checks/types.ts';
import type { SeoStageResult } from './seo-stage.ts';
import { pageUrl } from './structured-data.ts';
import { analyseMarkdown, type MarkdownAnalysis } from './text/analyse-markdown.ts';
import { flagChecks } from './flag-checks.ts';

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
  const keyphrase = typeof doc.fields.keyphrase === 'string' ? doc.fields.keyphrase : doc.job.brief.data.keyword;
  const checks = runLinkChecks(doc, analyseMarkdown(doc.markdown), keyphrase, options);
  return { checks, flags: checksToFlags(checks) };
}

function runLinkChecks(doc: DraftDoc, analysis: MarkdownAnalysis, keyphrase: string, options: LinkRuleOptions): SeoCheck[] {
  const brief = doc.job.brief;
  return checkLinks(
    analysis,
    {
      keyphrase,
      siteUrl: options.config.brand.url,
      inventoryFocus: options.inventoryFocus,
      ownUrls: [pageUrl(brief, brief.slug, options.config)],
      locale: brief.data.locale ?? options.config.locale,
    },
    options.config.seo,
  );
}

const imageAltsSchema = z.array(z.strictObject({ src: z.string(), alt: z.string() }));

/**
 * The SEO checks on the document as it will be published, after the links stage: the body checks run
 * again on the linked Markdown (so flag positions match it) and the link checks are added. Earlier
 * body and link results and flags are replaced; metadata results are kept. Pure.
 */
export function applyLinkRules(doc: DraftDoc, options: LinkRuleOptions): DraftDoc {
  const brief = doc.job.brief;
  const config = options.config;
  const locale = brief.data.locale ?? config.locale;
  const keyphrase = typeof doc.fields.keyphrase === 'string' ? doc.fields.keyphrase : brief.data.keyword;
  const analysis = analyseMarkdown(doc.markdown);
  const fresh = [
    ...checkBody(analysis, { keyphrase, targetWords: brief.data.words, titleIsH1: true, locale }, config.seo),
    ...runLinkChecks(doc, analysis, keyphrase, options),
  ];
  const previous = doc.stages.seo as Partial<SeoStageResult> | undefined;
  const all = [...(previous?.checks ?? []).filter((c) => c.scope === 'metadata'), ...fresh];
  const alts = imageAltsSchema.safeParse(doc.fields.image_alts);
  const flags = flagChecks(fresh, analysis, { imageAlts: alts.success ? alts.data : [] });
  const rules = new Set(fresh.map((c) => c.rule));
  return {
    ...doc,
    flags: [...doc.flags.filter((f) => !rules.has(f.rule)), ...flags],
    stages: { ...doc.stages, seo: { ...previous, ...summariseChecks(all), checks: all } },
  };
}
