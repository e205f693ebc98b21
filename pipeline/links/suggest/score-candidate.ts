/** The score of one candidate link, from a few signals any site has; each is reported as the link's reason. */
import type { LinkIndex } from '../index/link-index.ts';
import { idfOf, STOP_STEMS } from '../index/link-index.ts';
import type { Occurrence } from './find-candidates.ts';

export type Signals = {
  /** How rare the anchor's words are on the site (0–1): `Configuration` is weak, `strings.Truncate` strong. */
  readonly specificity: number;
  /** BM25F match of the page to the draft's salient terms, relative to the best page (0–1). */
  readonly relatedness: number;
  /** Rank of the page among the pages related to the draft (1 = most related; 0 = not related). */
  readonly rank: number;
  /** The anchor is the page's full title or keyphrase (1), an alias (0.7) or a part of its title (0.5). */
  readonly nameMatch: number;
  /** The anchor is written as the page names itself (same case), or is a whole code span. */
  readonly form: number;
  /** How many pages share this name (1 = unambiguous). */
  readonly sharedBy: number;
  /** Occurrences of the name in the draft. */
  readonly mentions: number;
  /** Share (idf-weighted) of the page's description and heading words that the draft also uses (0–1). */
  readonly context: number;
};

/** How much of a page's profile the draft covers, idf-weighted. */
export function measureContext(index: LinkIndex, profile: readonly string[], draft: ReadonlySet<string>): number {
  let all = 0;
  let hit = 0;
  for (const s of profile) {
    const w = idfOf(index, s);
    all += w;
    if (draft.has(s)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

/** Specificity of a phrase: 1 − e^(−Σidf/3) over its content words. */
export function measureSpecificity(index: LinkIndex, stems: readonly string[]): number {
  let sum = 0;
  for (const s of stems) if (!STOP_STEMS.has(s)) sum += idfOf(index, s);
  return 1 - Math.exp(-sum / 3);
}

/** Collects the signals of one occurrence. */
export function collectSignals(
  index: LinkIndex,
  occ: Occurrence,
  relatedness: { readonly scores: ReadonlyMap<number, number>; readonly ranks: ReadonlyMap<number, number> },
  sharedBy: number,
  mentions: number,
  draftStems: ReadonlySet<string>,
): Signals {
  const profile = index.pages.get(occ.pageId)?.profile ?? [];
  return {
    context: measureContext(index, profile, draftStems),
    specificity: measureSpecificity(index, occ.stems),
    relatedness: relatedness.scores.get(occ.pageId) ?? 0,
    rank: relatedness.ranks.get(occ.pageId) ?? 0,
    nameMatch: occ.ref.source === 'alias' ? 0.7 : occ.ref.source === 'partial' ? 0.5 : 1,
    form: occ.code || occ.sameCase ? 1 : 0,
    sharedBy,
    mentions,
  };
}

/** Combines the signals into one score in 0–1. */
export function scoreSignals(s: Signals): number {
  const base = 0.45 * s.specificity + 0.35 * s.relatedness + 0.2 * s.form;
  return base * s.nameMatch / Math.sqrt(s.sharedBy);
}
