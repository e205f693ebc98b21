/** The score of one candidate link, from a few signals any site has; each is reported as the link's reason. */
import type { LinkIndex } from '../index/link-index.ts';
import { idfOf } from '../index/link-index.ts';
import { STOP_STEMS } from '../text/tokenize.ts';
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
  /** The anchor is written as the page names itself (same case; a code span: exactly). */
  readonly form: number;
  /** The anchor is a whole inline code span. */
  readonly code: boolean;
  /** The anchor is capitalised inside a sentence, as names are. */
  readonly properName: boolean;
  /** The anchor is a whole list item: lists of names are lists of pages to read next. */
  readonly listed: boolean;
  /** Words in the anchor. */
  readonly words: number;
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

/**
 * Collects the signals of one occurrence. With `withContext` false, `context` is left at its most (1), the
 * costliest signal skipped: the score is then an upper bound, enough to rule out a weak candidate.
 */
export function collectSignals(
  index: LinkIndex,
  occ: Occurrence,
  relatedness: { readonly scores: ReadonlyMap<number, number>; readonly ranks: ReadonlyMap<number, number> },
  sharedBy: number,
  mentions: number,
  draftStems: ReadonlySet<string>,
  memo: { readonly specificity: Map<string, number>; readonly context: Map<number, number> } = { specificity: new Map(), context: new Map() },
  withContext = true,
): Signals {
  let context = withContext ? memo.context.get(occ.pageId) : 1;
  if (context === undefined) {
    const profile = index.pages.get(occ.pageId)?.profile;
    context = measureContext(index, profile ? profile.split(' ') : [], draftStems);
    memo.context.set(occ.pageId, context);
  }
  let specificity = memo.specificity.get(occ.key);
  if (specificity === undefined) {
    specificity = measureSpecificity(index, occ.stems);
    memo.specificity.set(occ.key, specificity);
  }
  return {
    context,
    specificity,
    relatedness: relatedness.scores.get(occ.pageId) ?? 0,
    rank: relatedness.ranks.get(occ.pageId) ?? 0,
    nameMatch: occ.ref.source === 'alias' ? 0.7 : occ.ref.source === 'partial' ? 0.4 : 1,
    form: occ.sameCase ? 1 : 0,
    code: occ.code,
    properName: occ.midCap,
    listed: occ.listed,
    words: occ.stems.length,
    sharedBy,
    mentions,
  };
}

/**
 * Combines the signals into one score in 0–1: a logistic model whose weights were set on two real sites' own
 * links (news posts and reference docs) together and rounded; each weight has the sign an editor would expect.
 */
export function scoreSignals(s: Signals): number {
  const z =
    -3.5 +
    0.5 * s.specificity +
    // Two words rarely match by chance, but a stock phrase ("best practices", "social media") does: without a
    // topical tie between page and draft, two words count for less. Three or more are a name either way.
    (s.words >= 3 || (s.words === 2 && s.rank > 0) ? 1.2 : s.words === 2 ? 0.8 : 0) +
    (s.words >= 3 ? 0.5 : 0) +
    // A code span is strong evidence only when it is the page's identifier as written; `slug` ≠ `Slug`.
    (s.code && s.form ? 0.9 : 0) +
    (s.form ? 0.5 : 0) +
    (s.properName ? 0.55 : 0) +
    (s.listed ? 1 : 0) +
    (s.nameMatch < 1 ? (s.nameMatch >= 0.7 ? -0.4 : -1.7) : 0) -
    0.7 * Math.log(s.sharedBy) +
    0.7 * s.relatedness +
    (s.rank > 0 ? 1.9 / Math.log2(1 + s.rank) : 0) +
    1 * s.context +
    0.1 * Math.log(s.mentions);
  return 1 / (1 + Math.exp(-z));
}
