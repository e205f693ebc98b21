/** Link selection: which inventory pages a draft should link to, on which of its own phrases, and why. */
import type { Root } from 'mdast';
import type { LinkIndex, PhraseRef } from '../index/link-index.ts';
import { findPage } from '../index/link-index.ts';
import { phraseKey, stemsOf } from '../text/tokenize.ts';
import { toUrlKey } from '../text/url-key.ts';
import { listExistingLinks, listSegments, parseMarkdown } from './draft-segments.ts';
import { findOccurrences, tokenizeSegments, type Occurrence, type PhraseDictionary } from './find-candidates.ts';
import { buildPartialDictionary } from './partial-names.ts';
import { measureRelatedness } from './relatedness.ts';
import { collectSignals, scoreSignals, type Signals } from './score-candidate.ts';

export type SuggestOptions = {
  /** Offer whole inline code spans as anchors. */
  readonly inlineCode: boolean;
  /** Never use the draft's focus keyphrase as an anchor. */
  readonly skipKeyphrase: boolean;
  /** Shortest anchor in characters. */
  readonly minChars: number;
  /** Links per 1,000 words (rounded up). */
  readonly per1000Words: number;
  readonly perParagraph: number;
  readonly maxLinks: number;
  /** Lowest score of a link the brief did not ask for. */
  readonly minScore: number;
  /** Kinds of page that may be linked even when dated after the draft (upcoming events). */
  readonly futureKinds: readonly string[];
};

export type SuggestRequest = {
  readonly markdown: string;
  /** Parsed tree of `markdown`, when the caller has it. */
  readonly tree?: Root;
  readonly locale: string;
  /** The draft's own URL: never linked. */
  readonly selfUrl?: string;
  /** The draft's focus keyphrase. */
  readonly keyphrase?: string;
  /** URLs the brief requires (`links:`). */
  readonly required?: readonly string[];
  /** The draft's title: it tells what the draft is about. */
  readonly title?: string;
  /** The draft's date (`YYYY-MM-DD`): pages dated later are not linked, except `futureKinds`. */
  readonly date?: string;
};

export type LinkReason = Signals & {
  readonly score: number;
  /** The page name that matched: title, keyphrase or alias. */
  readonly matched: string;
  readonly source: 'title' | 'keyphrase' | 'alias' | 'partial' | 'required';
  /** Stems the anchor shares with the page, then the draft's query terms the page matched. */
  readonly terms: readonly string[];
};

export type LinkSuggestion = {
  readonly url: string;
  readonly title: string;
  readonly anchor: string;
  /** Offsets of the anchor in the Markdown source. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly required: boolean;
  readonly reason: LinkReason;
};

export type LinkProblem = { readonly rule: 'links/no-anchor'; readonly url: string; readonly message: string };

export type SuggestResult = { readonly links: LinkSuggestion[]; readonly problems: LinkProblem[] };

/** Pages, most related to the draft first, whose partial titles may be anchors. */
const PARTIAL_NAME_PAGES = 20;

type Scored = { occ: Occurrence; signals: Signals; score: number };

/** Suggests links for one draft. Pure: the index is only read. */
export function suggestLinks(index: LinkIndex, request: SuggestRequest, options: SuggestOptions): SuggestResult {
  const tree = request.tree ?? parseMarkdown(request.markdown);
  const segments = listSegments(request.markdown, tree, { inlineCode: options.inlineCode });
  const selfKey = request.selfUrl === undefined ? null : toUrlKey(request.selfUrl, index.options.siteHosts);
  const keyphraseKey = request.keyphrase ? phraseKey(request.keyphrase) : '';
  const locale = request.locale.toLowerCase();
  const futureKinds = new Set(options.futureKinds.map((k) => k.toLowerCase()));

  const outside = namePagesOutside(index, request.required ?? []);
  const pageOf = (id: number): OutsidePage | undefined => index.pages.get(id) ?? outside.pages.get(id);
  const allowed = (o: Occurrence): boolean => {
    const page = pageOf(o.pageId);
    if (!page || page.key === selfKey) return false;
    if (page.locale && locale && page.locale.toLowerCase() !== locale) return false;
    if (request.date && 'date' in page && page.date && page.date > request.date && !futureKinds.has(page.kind.toLowerCase())) return false;
    if (o.anchor.replace(/`/g, '').trim().length < options.minChars) return false;
    if (options.skipKeyphrase && keyphraseKey && ` ${o.key} `.includes(` ${keyphraseKey} `)) return false;
    return true;
  };
  const tokenized = tokenizeSegments(segments);
  const draftStems = tokenized.flatMap((tokens) => tokens.map((t) => t.stem));
  const draftSet = new Set(draftStems);
  const related = measureRelatedness(index, draftStems, 32, request.title ? stemsOf(request.title) : []);
  const relatedPages = related.ranked.slice(0, PARTIAL_NAME_PAGES).flatMap((id) => index.pages.get(id) ?? []);
  const partial = buildPartialDictionary(relatedPages, index.phrases);
  const occurrences = [
    ...findOccurrences(index, segments, request.markdown, tokenized),
    ...findOccurrences(partial, segments, request.markdown, tokenized),
    ...findOccurrences(outside, segments, request.markdown, tokenized),
  ].filter(allowed);

  const sharedBy = new Map<string, Set<number>>();
  const mentions = new Map<string, number>();
  for (const o of occurrences) {
    const set = sharedBy.get(o.key) ?? new Set<number>();
    set.add(o.pageId);
    sharedBy.set(o.key, set);
  }
  const seenSpan = new Set<string>();
  for (const o of occurrences) {
    const span = `${o.key}@${o.start}`;
    if (seenSpan.has(span)) continue;
    seenSpan.add(span);
    mentions.set(o.key, (mentions.get(o.key) ?? 0) + 1);
  }
  // A name several pages share means one of them throughout a draft (one sense per discourse): the one that
  // scores best. Names are told apart as written, not by stem: `Paginate` and `Paginator` each keep their page.
  // Code is exact: a code span that is one page's identifier as written names that page, not its stem-mates.
  const placeOf = (o: Occurrence): string => `${o.key}|${o.anchor.replace(/`/g, '').toLowerCase()}`;
  const requiredPages = new Set((request.required ?? []).flatMap((url) => findPage(index, url)?.id ?? []));
  const requiredPlaces = new Set(occurrences.filter((o) => requiredPages.has(o.pageId) || o.pageId < 0).map(placeOf));
  const memo = { specificity: new Map<string, number>(), context: new Map<number, number>() };
  const all: Scored[] = occurrences.map((occ) => {
    const args = [index, occ, related, sharedBy.get(occ.key)?.size ?? 1, mentions.get(occ.key) ?? 1, draftSet, memo] as const;
    // A candidate under the threshold even at full context is never taken: its context is not worth measuring,
    // unless a brief's link may need the place (required links go in under the threshold too).
    const bound = collectSignals(...args, false);
    const upper = scoreSignals(bound);
    if (upper < options.minScore && !requiredPlaces.has(placeOf(occ))) return { occ, signals: bound, score: upper };
    const signals = collectSignals(...args);
    return { occ, signals, score: scoreSignals(signals) };
  });
  const exact = new Set(all.filter((s) => s.occ.code && s.signals.form).map((s) => placeOf(s.occ)));
  const named = all.filter((s) => !s.occ.code || s.signals.form || !exact.has(placeOf(s.occ)));
  const bestAt = new Map<string, number>();
  for (const s of named) if (s.score > (bestAt.get(placeOf(s.occ)) ?? -1)) bestAt.set(placeOf(s.occ), s.score);
  const scored = named.filter((s) => s.signals.sharedBy === 1 || s.score >= (bestAt.get(placeOf(s.occ)) ?? 0));
  // Best first; ties go to the earlier, then the longer anchor, so the order never depends on the index's layout.
  scored.sort((a, b) => b.score - a.score || a.occ.start - b.occ.start || b.occ.end - a.occ.end || a.occ.pageId - b.occ.pageId);

  const words = request.markdown.split(/\s+/).filter(Boolean).length;
  const cap = Math.min(options.maxLinks, Math.ceil((words / 1000) * options.per1000Words));
  const chosen: Scored[] = [];
  const linkedPages = new Set<number>();
  const perBlock = new Map<number, number>();
  // Links the draft already has count: their pages are linked, their paragraphs used, the cap partly spent.
  let existing = 0;
  const alreadyLinked = new Set<string>();
  for (const link of listExistingLinks(tree)) {
    const page = findPage(index, link.url);
    alreadyLinked.add(toUrlKey(link.url, index.options.siteHosts) ?? link.url);
    if (!page) continue;
    existing += 1;
    linkedPages.add(page.id);
    perBlock.set(link.block, (perBlock.get(link.block) ?? 0) + 1);
  }
  const fits = (s: Scored): boolean =>
    !linkedPages.has(s.occ.pageId) &&
    (perBlock.get(s.occ.block) ?? 0) < options.perParagraph &&
    !chosen.some((c) => c.occ.start < s.occ.end && s.occ.start < c.occ.end);
  const take = (s: Scored): void => {
    chosen.push(s);
    linkedPages.add(s.occ.pageId);
    perBlock.set(s.occ.block, (perBlock.get(s.occ.block) ?? 0) + 1);
  };

  const problems: LinkProblem[] = [];
  const requiredIds = new Set<number>();
  for (const url of request.required ?? []) {
    if (alreadyLinked.has(toUrlKey(url, index.options.siteHosts) ?? url)) continue;
    const page = findPage(index, url) ?? [...outside.pages.values()].find((p) => p.url === url);
    // Prefer a place no other good candidate needs: "linen" alone, not the "linen" inside "Seaside Linen Shirt".
    const contested = (s: Scored): boolean =>
      scored.some((o) => o.occ.pageId !== s.occ.pageId && o.score >= options.minScore && o.occ.start < s.occ.end && s.occ.start < o.occ.end);
    const own = page ? scored.filter((s) => s.occ.pageId === page.id) : [];
    const free = (s: Scored): boolean => !chosen.some((c) => c.occ.start < s.occ.end && s.occ.start < c.occ.end);
    const pick = own.find((s) => fits(s) && !contested(s)) ?? own.find(fits) ?? own.find(free);
    if (page && pick) {
      take(pick);
      requiredIds.add(page.id);
    } else {
      problems.push({
        rule: 'links/no-anchor',
        url,
        message: `No phrase in the draft names "${page?.title ?? url}" (${url}), the brief's link; add one or link it by hand`,
      });
    }
  }
  for (const s of scored) {
    if (chosen.length + existing >= Math.max(cap, requiredIds.size)) break;
    if (s.score < options.minScore) break;
    if (fits(s)) take(s);
  }

  const lineStarts = [0];
  for (let i = 0; i < request.markdown.length; i++) if (request.markdown[i] === '\n') lineStarts.push(i + 1);
  const links = chosen
    .map((s) => toSuggestion(pageOf(s.occ.pageId), s, requiredIds.has(s.occ.pageId), related.terms, lineStarts))
    .sort((a, b) => b.reason.score - a.reason.score || a.start - b.start);
  return { links, problems };
}

function toSuggestion(
  page: { readonly url: string; readonly title: string } | undefined,
  s: Scored,
  required: boolean,
  queryTerms: ReadonlyMap<string, number>,
  lineStarts: readonly number[],
): LinkSuggestion {
  let line = 0;
  while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= s.occ.start) line += 1;
  const titleStems = new Set(stemsOf(page?.title ?? ''));
  const terms = [...new Set([...s.occ.stems, ...[...queryTerms.keys()].filter((t) => titleStems.has(t))])];
  return {
    url: page?.url ?? '',
    title: page?.title ?? '',
    anchor: s.occ.anchor,
    start: s.occ.start,
    end: s.occ.end,
    line: line + 1,
    column: s.occ.start - (lineStarts[line] ?? 0) + 1,
    required,
    reason: { ...s.signals, score: round(s.score), matched: s.occ.ref.text, source: required ? 'required' : s.occ.ref.source, terms },
  };
}

type OutsidePage = { readonly id: number; readonly url: string; readonly title: string; readonly key: string; readonly locale: string; readonly kind: string };

/** Pages for required URLs missing from the inventory, named by their last path segment (`/collections/linen` → "linen"). */
function namePagesOutside(
  index: LinkIndex,
  urls: readonly string[],
): PhraseDictionary & { pages: Map<number, OutsidePage> } {
  const pages = new Map<number, OutsidePage>();
  const phrases = new Map<string, PhraseRef[]>();
  const phraseStarts = new Map<string, number>();
  urls.forEach((url, i) => {
    if (findPage(index, url)) return;
    const segment = url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').at(-1) ?? '';
    const title = decodeURIComponent(segment.replace(/%(?![0-9a-f]{2})/gi, '%25')).replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim();
    const key = phraseKey(title);
    if (!key) return;
    const id = -1 - i;
    pages.set(id, { id, url, title, key: toUrlKey(url, index.options.siteHosts) ?? url, locale: '', kind: 'page' });
    phrases.set(key, [...(phrases.get(key) ?? []), { id, source: 'title', text: title }]);
    const words = key.split(' ');
    phraseStarts.set(words[0] ?? '', Math.max(phraseStarts.get(words[0] ?? '') ?? 0, words.length));
  });
  return { pages, phrases, phraseStarts };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The suggestion options from the `links:` config section. */
export function toSuggestOptions(config: {
  readonly anchors: { readonly inline_code: boolean; readonly skip_keyphrase: boolean; readonly min_chars: number };
  readonly caps: { readonly per_1000_words: number; readonly per_paragraph: number; readonly max_links: number };
  readonly min_score: number;
  readonly future_kinds: readonly string[];
}): SuggestOptions {
  return {
    inlineCode: config.anchors.inline_code,
    skipKeyphrase: config.anchors.skip_keyphrase,
    minChars: config.anchors.min_chars,
    per1000Words: config.caps.per_1000_words,
    perParagraph: config.caps.per_paragraph,
    maxLinks: config.caps.max_links,
    minScore: config.min_score,
    futureKinds: config.future_kinds,
  };
}
