/** The `links` stage: guardrail on the model's own links, then internal links from the site inventory, with reasons. */
import type { DraftDoc, ReviewFlag, Stage, StageContext } from '../document.ts';
import { pagePath } from '../page-url.ts';
import { findPage, type LinkIndex } from './index/link-index.ts';
import { insertLinks } from './insert/insert-links.ts';
import { removeUnknownLinks } from './insert/remove-unknown-links.ts';
import { suggestLinks, toSuggestOptions, type LinkReason } from './suggest/suggest-links.ts';

export type InsertedLink = {
  readonly url: string;
  readonly anchor: string;
  readonly score: number;
  readonly terms: readonly string[];
  /** Position of the link in the new body (1-based). */
  readonly line: number;
  readonly column: number;
  readonly required: boolean;
  readonly reason: LinkReason;
};

/** What the stage leaves in `doc.stages.links`. */
export type LinksStageResult = {
  readonly inserted: readonly InsertedLink[];
  readonly flagged: readonly ReviewFlag[];
};

/** The draft's own URL from `links.draft_url` (default `/{slug}/`). */
export function draftUrl(pattern: string, slug: string): string {
  return pattern.replaceAll('{slug}', slug);
}

/** Creates the stage over a loaded index (the orchestrator loads it once per run, see `loadLinkIndex`). */
export function createLinksStage(index: LinkIndex): Stage {
  return {
    name: 'links',
    async run(doc: DraftDoc, ctx: StageContext): Promise<DraftDoc> {
      return linkDraft(doc, index, ctx);
    },
  };
}

/** Runs the guardrail, the suggester and the insertion on one draft. Pure apart from `ctx.config`. */
export function linkDraft(doc: DraftDoc, index: LinkIndex, ctx: Pick<StageContext, 'config' | 'now'>): DraftDoc {
  const config = ctx.config.links;
  if (!config.enabled) return doc;
  const brief = doc.job.brief;
  const required = brief.data.links ?? [];
  const siteHosts = config.site_hosts.map((h) => h.toLowerCase());
  const flags: ReviewFlag[] = [];

  let markdown = doc.markdown;
  if (config.remove_unknown) {
    const guarded = removeUnknownLinks(markdown, { isKnown: (url) => findPage(index, url) !== undefined, allowed: required, siteHosts });
    markdown = guarded.markdown;
    for (const r of guarded.removed) {
      flags.push({
        rule: 'links/removed-unknown-link',
        severity: 'warning',
        message: `Removed a link to ${r.url}: not a page of the site inventory and not in the brief's links${r.text ? ` (text "${r.text}" kept)` : ''}`,
        line: r.line,
        column: r.column,
      });
    }
  }

  const result = suggestLinks(
    index,
    {
      markdown,
      locale: brief.data.locale ?? ctx.config.locale,
      // The draft's own page: where the SEO stage says it lives (its canonical URL).
      selfUrl: pagePath(brief, ctx.config),
      keyphrase: brief.data.keyword,
      required,
      date: ctx.now().toISOString().slice(0, 10),
    },
    toSuggestOptions(config),
  );
  const inserted = insertLinks(
    markdown,
    result.links.map((l) => ({ start: l.start, end: l.end, url: l.url })),
  );
  const byStart = new Map(result.links.map((l) => [l.start, l]));
  const links: InsertedLink[] = inserted.placed.flatMap((p) => {
    const s = byStart.get(p.start);
    if (!s) return [];
    return [{ url: s.url, anchor: s.anchor, score: s.reason.score, terms: s.reason.terms, line: p.line, column: p.column, required: s.required, reason: s.reason }];
  });
  for (const problem of result.problems) flags.push({ rule: problem.rule, severity: 'warning', message: problem.message });
  for (const skipped of inserted.skipped) {
    const s = byStart.get(skipped.start);
    if (s?.required) flags.push({ rule: 'links/no-anchor', severity: 'warning', message: `Could not link "${s.anchor}" to ${s.url} without changing the text around it` });
  }
  const stage: LinksStageResult = { inserted: links, flagged: flags };
  return { ...doc, markdown: inserted.markdown, flags: [...doc.flags, ...flags], stages: { ...doc.stages, links: stage } };
}
