/** Runs the SEO checks together and turns their results into review flags and a summary. */
import type { ReviewFlag } from '../../document.ts';
import type { SeoConfig } from '../config.ts';
import type { MarkdownAnalysis } from '../text/analyse-markdown.ts';
import { isEnglishLocale, parseKeyphrase } from '../text/keyphrase.ts';
import {
  checkImageAlt,
  checkKeyphraseDensity,
  checkKeyphraseIntro,
  checkKeyphraseSubheadings,
  checkParagraphLength,
  checkPassiveVoice,
  checkSentenceLength,
  checkSingleH1,
  checkTextLength,
  checkTextTarget,
} from './body-checks.ts';
import { checkCannibalisation, checkCompetingLinks, checkInternalLinks, type InventoryFocus } from './link-checks.ts';
import { type SeoCheck, severityOfGrade } from './types.ts';

export type BodyCheckOptions = {
  readonly keyphrase: string;
  /** The brief's target length (`words`), when it has one. */
  readonly targetWords?: number | undefined;
  /** The page title is rendered as the H1 outside the body (default: `true`). */
  readonly titleIsH1?: boolean;
  /** The text's locale: English gets word forms, function words and the passive-voice check (default: `en`). */
  readonly locale?: string | undefined;
};

/** Runs every body check on a parsed Markdown body. */
export function checkBody(analysis: MarkdownAnalysis, options: BodyCheckOptions, cfg: SeoConfig): SeoCheck[] {
  const locale = options.locale ?? 'en';
  const keyphrase = parseKeyphrase(options.keyphrase, locale);
  const checks = [
    checkKeyphraseDensity(analysis, keyphrase, cfg),
    checkKeyphraseIntro(analysis, keyphrase),
    checkKeyphraseSubheadings(analysis, keyphrase, cfg),
    checkSingleH1(analysis, options.titleIsH1 ?? true),
    checkTextLength(analysis, cfg),
    checkParagraphLength(analysis, cfg),
    checkSentenceLength(analysis, cfg),
    // Passive voice is only detected in English, as in Yoast's languages without that research.
    ...(isEnglishLocale(locale) ? [checkPassiveVoice(analysis, cfg)] : []),
    checkImageAlt(analysis),
  ];
  if (options.targetWords !== undefined) checks.splice(5, 0, checkTextTarget(analysis, options.targetWords, cfg));
  return checks;
}

export type LinkCheckOptions = {
  readonly keyphrase: string;
  /** The site's origin, to tell internal absolute URLs from external ones. */
  readonly siteUrl?: string | undefined;
  /** Focus keyphrase → URL of the pages already on the site (skips cannibalisation when absent). */
  readonly inventoryFocus?: InventoryFocus | undefined;
  /** This page's own URLs, never counted as a rival. */
  readonly ownUrls?: readonly string[];
  /** The text's locale (default: `en`). */
  readonly locale?: string | undefined;
};

/** Runs the post-link checks on a parsed Markdown body. */
export function checkLinks(analysis: MarkdownAnalysis, options: LinkCheckOptions, cfg: SeoConfig): SeoCheck[] {
  const keyphrase = parseKeyphrase(options.keyphrase, options.locale ?? 'en');
  const checks = [checkInternalLinks(analysis, options.siteUrl, cfg.internal_links_min), checkCompetingLinks(analysis, keyphrase)];
  if (options.inventoryFocus) checks.push(checkCannibalisation(keyphrase, options.inventoryFocus, options.ownUrls ?? []));
  return checks;
}

const MAX_LISTED_PLACES = 5;

/** One review flag per check that is not good, at its first place; the other places are listed in the message. */
export function checksToFlags(checks: readonly SeoCheck[]): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  for (const check of checks) {
    const severity = severityOfGrade(check.grade);
    if (!severity) continue;
    const others = (check.places ?? []).slice(1);
    const listed = others.slice(0, MAX_LISTED_PLACES).map((p) => p.line);
    const more = others.length > MAX_LISTED_PLACES ? `, and ${others.length - MAX_LISTED_PLACES} more` : '';
    const suffix = listed.length > 0 ? ` (also at line${listed.length === 1 ? '' : 's'} ${listed.join(', ')}${more})` : '';
    flags.push({
      rule: check.rule,
      message: `${check.message}${suffix}`,
      severity,
      ...(check.place ? { line: check.place.line, column: check.place.column } : {}),
    });
  }
  return flags;
}

export type CheckSummary = {
  /** Checks graded good or ok. */
  readonly passed: number;
  /** Checks graded problem. */
  readonly failed: number;
  readonly good: number;
  readonly ok: number;
};

/** Counts check results by grade. */
export function summariseChecks(checks: readonly SeoCheck[]): CheckSummary {
  const good = checks.filter((c) => c.grade === 'good').length;
  const ok = checks.filter((c) => c.grade === 'ok').length;
  return { passed: good + ok, failed: checks.length - good - ok, good, ok };
}
