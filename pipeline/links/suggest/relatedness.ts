/** How closely each inventory page matches what a draft is about: BM25F over the draft's salient terms. */
import type { LinkIndex } from '../index/link-index.ts';
import { idfOf, isCommonStem } from '../index/link-index.ts';
import { STOP_STEMS } from '../text/tokenize.ts';

export type Relatedness = {
  /** Page id → BM25F score divided by the best page's score (0–1). */
  readonly scores: ReadonlyMap<number, number>;
  /** Page id → 1-based rank among the related pages. */
  readonly ranks: ReadonlyMap<number, number>;
  /** Page ids, most related first. */
  readonly ranked: readonly number[];
  /** Query terms (stems) with their weights. */
  readonly terms: ReadonlyMap<string, number>;
};

const TITLE_WEIGHT = 5;

/** Picks the draft's `limit` most salient stems (tf·idf) and scores the inventory against them. */
export function measureRelatedness(index: LinkIndex, stems: readonly string[], limit = 32, titleStems: readonly string[] = []): Relatedness {
  const tf = new Map<string, number>();
  for (const s of stems) if (!STOP_STEMS.has(s) && s.length > 1) tf.set(s, (tf.get(s) ?? 0) + 1);
  // The title says what the draft is about: its words count as if used often.
  for (const s of titleStems) if (!STOP_STEMS.has(s) && s.length > 1) tf.set(s, (tf.get(s) ?? 0) + TITLE_WEIGHT);
  const weighted: [string, number][] = [];
  // Words on more than 10% of pages rank nothing and cost the most to look up.
  for (const [s, n] of tf) {
    if (isCommonStem(index, s)) continue;
    weighted.push([s, (1 + Math.log(n)) * idfOf(index, s)]);
  }
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = weighted.slice(0, limit);
  const terms = new Map(top);
  if (top.length === 0) return { scores: new Map(), ranks: new Map(), ranked: [], terms };
  const max = top[0]?.[1] ?? 1;
  const w = index.options.weights;
  const results = index.search.search(top.map(([s]) => s).join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    boost: { title: w.title, headings: w.headings, description: w.description, text: w.text },
    boostTerm: (term) => (terms.get(term) ?? 0) / max,
    combineWith: 'OR',
  });
  const best = results[0]?.score ?? 1;
  const scores = new Map<number, number>();
  const ranks = new Map<number, number>();
  const ranked: number[] = [];
  for (const r of results) {
    const id = r.id as number;
    scores.set(id, r.score / best);
    ranked.push(id);
    ranks.set(id, ranked.length);
  }
  return { scores, ranks, ranked, terms };
}
