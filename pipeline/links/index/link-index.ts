/** The link index: inventory pages, a BM25F full-text index (minisearch) and a phrase dictionary of page names. */
import MiniSearch from 'minisearch';
import type { Page } from '../inventory/page.ts';
import { hashPage } from '../inventory/page.ts';
import { stemsOf, STOP_WORDS, stemWord } from '../text/tokenize.ts';
import { toUrlKey } from '../text/url-key.ts';
import { findTitleConventions, listPagePhrases, type PhraseSource } from './page-phrases.ts';

export type IndexedPage = {
  readonly id: number;
  readonly url: string;
  /** Normalised URL key (see `toUrlKey`). */
  readonly key: string;
  readonly title: string;
  readonly locale: string;
  readonly kind: string;
  readonly keyphrase?: string;
  readonly aliases?: readonly string[];
  readonly date?: string;
  readonly hash: string;
  /** What the page is about beyond its name: the first distinct content stems of its description and headings. */
  /** Space-separated: one string per page instead of sixteen keeps 100,000 pages small. */
  readonly profile: string;
};

export type PhraseRef = { readonly id: number; readonly source: PhraseSource | 'partial'; readonly text: string };

export type IndexOptions = {
  readonly bodyWords: number;
  readonly weights: { readonly title: number; readonly headings: number; readonly description: number; readonly text: number };
  readonly siteHosts: readonly string[];
};

export type LinkIndex = {
  readonly options: IndexOptions;
  readonly pages: Map<number, IndexedPage>;
  /** URL keys (and alias keys) → page id. */
  readonly byKey: Map<string, number>;
  readonly search: MiniSearch<IndexDoc>;
  /** Document frequency of each stem over the indexed fields. */
  readonly df: Map<string, number>;
  /** Phrase key → pages it names. */
  readonly phrases: Map<string, PhraseRef[]>;
  /** Longest phrase (in tokens) starting with each first stem. */
  readonly phraseStarts: Map<string, number>;
  /** Site-wide leading title words (`Configure`), fixed when the index is built. */
  readonly conventions: Set<string>;
  /**
   * Stems left out of the full-text index: on so many pages when it was built that relatedness never queries
   * them (see `isCommonStem`). Skipping them keeps BM25F scores of every other stem exact (field lengths still
   * count them) and drops about 40% of the postings.
   */
  readonly unindexed: Set<string>;
  /** Documents waiting for `finishLinkIndex` (while an index is first built), by page id. */
  pending: Map<number, IndexDoc> | null;
  nextId: number;
};

type IndexDoc = { id: number; title: string; headings: string; description: string; text: string };

export const STOP_STEMS: ReadonlySet<string> = new Set([...STOP_WORDS].map(stemWord));

const FIELDS = ['title', 'headings', 'description', 'text'];

function searchOptions(unindexed: ReadonlySet<string>): ConstructorParameters<typeof MiniSearch<IndexDoc>>[0] {
  return { fields: FIELDS, idField: 'id', tokenize: splitStems, processTerm: (term) => (unindexed.has(term) ? null : term) };
}

/** Whether relatedness skips a stem: on more than 10% of pages (no ranking value, most lookup cost). */
export function isCommonStem(index: LinkIndex, stem: string): boolean {
  const df = index.df.get(stem);
  return df === undefined || df > commonLimit(index) || index.unindexed.has(stem);
}

function commonLimit(index: LinkIndex): number {
  return Math.max(50, index.pages.size * 0.1);
}

/**
 * The stems `isCommonStem` skips when the index is built: left out of the full-text index. A stem whose share
 * later falls below the limit stays skipped until the next `--rebuild` (a stem on ~10% of pages ranks little).
 */
function listUnindexed(index: LinkIndex): string[] {
  const limit = commonLimit(index);
  return [...index.df].filter(([, n]) => n > limit).map(([s]) => s);
}

function splitStems(text: string): string[] {
  return text ? text.split(' ') : [];
}

function leadWords(text: string, n: number): string {
  if (n === 0) return '';
  let count = 0;
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(text)) !== null) {
    count += 1;
    end = m.index + m[0].length;
    if (count >= n) break;
  }
  return text.slice(0, end);
}

type PageStems = { readonly title: string[]; readonly headings: string[]; readonly description: string[]; readonly text: string[] };

/** Stems each field the index reads once; the document, its stem set and its profile all come from these. */
function stemPage(page: Page, bodyWords: number): PageStems {
  return { title: stemsOf(page.title), headings: stemsOf(page.headings.join('\n')), description: stemsOf(page.description), text: stemsOf(leadWords(page.text, bodyWords)) };
}

/** The indexed fields, already stemmed and stop words dropped: each field is its stems joined by spaces. */
function toDoc(id: number, stems: PageStems, seen: Set<string>): IndexDoc {
  const field = (list: readonly string[]): string => {
    const kept: string[] = [];
    for (const s of list) {
      if (STOP_STEMS.has(s)) continue;
      kept.push(s);
      seen.add(s);
    }
    return kept.join(' ');
  };
  return { id, title: field(stems.title), headings: field(stems.headings), description: field(stems.description), text: field(stems.text) };
}

/** The distinct indexed stems of a page (what its document frequencies count). */
function docStems(page: Page, bodyWords: number): Set<string> {
  const seen = new Set<string>();
  toDoc(0, stemPage(page, bodyWords), seen);
  return seen;
}

function addPhrases(index: LinkIndex, page: IndexedPage): void {
  for (const p of listPagePhrases(page, index.conventions)) {
    const list = index.phrases.get(p.key) ?? [];
    list.push({ id: page.id, source: p.source, text: p.text });
    index.phrases.set(p.key, list);
    const words = p.key.split(' ');
    const first = words[0] ?? '';
    index.phraseStarts.set(first, Math.max(index.phraseStarts.get(first) ?? 0, words.length));
  }
}

function removePhrases(index: LinkIndex, page: IndexedPage): void {
  for (const p of listPagePhrases(page, index.conventions)) {
    const list = index.phrases.get(p.key)?.filter((r) => r.id !== page.id) ?? [];
    if (list.length) index.phrases.set(p.key, list);
    else index.phrases.delete(p.key);
  }
}

const PROFILE_STEMS = 16;

function profileOf(stems: PageStems): string {
  const title = new Set(stems.title);
  const out = new Set<string>();
  for (const list of [stems.description, stems.headings])
    for (const s of list) {
      if (out.size >= PROFILE_STEMS) break;
      if (!STOP_STEMS.has(s) && !title.has(s) && s.length > 2) out.add(s);
    }
  return [...out].join(' ');
}

function toIndexedPage(id: number, page: Page, stems: PageStems, siteHosts: readonly string[], hash = hashPage(page)): IndexedPage {
  const key = toUrlKey(page.url, siteHosts) ?? page.url;
  return {
    id,
    url: page.url,
    key,
    title: page.title,
    locale: page.locale,
    kind: page.kind,
    hash,
    profile: profileOf(stems),
    ...(page.keyphrase ? { keyphrase: page.keyphrase } : {}),
    ...(page.aliases?.length ? { aliases: page.aliases } : {}),
    ...(page.date ? { date: page.date } : {}),
  };
}

function registerKeys(index: LinkIndex, page: IndexedPage): void {
  index.byKey.set(page.key, page.id);
  for (const a of page.aliases ?? []) {
    const k = toUrlKey(a, index.options.siteHosts);
    if (k !== null && !index.byKey.has(k)) index.byKey.set(k, page.id);
  }
}

function unregisterKeys(index: LinkIndex, page: IndexedPage): void {
  const keys = [page.key, ...(page.aliases ?? []).map((a) => toUrlKey(a, index.options.siteHosts))];
  for (const k of keys) if (k !== null && index.byKey.get(k) === page.id) index.byKey.delete(k);
}

function bumpDf(index: LinkIndex, stems: Iterable<string>, by: 1 | -1): void {
  for (const s of stems) {
    const n = (index.df.get(s) ?? 0) + by;
    if (n > 0) index.df.set(s, n);
    else index.df.delete(s);
  }
}

/** An empty index; add pages with `upsertPage`, then call `finishLinkIndex`. */
export function createLinkIndex(options: IndexOptions): LinkIndex {
  const unindexed = new Set<string>();
  return {
    options,
    pages: new Map(),
    byKey: new Map(),
    search: new MiniSearch<IndexDoc>(searchOptions(unindexed)),
    df: new Map(),
    phrases: new Map(),
    phraseStarts: new Map(),
    conventions: new Set(),
    unindexed,
    pending: new Map(),
    nextId: 0,
  };
}

/** Settles the site's title conventions (`Configure …`) over all pages and rebuilds the phrase dictionary. */
export function finishLinkIndex(index: LinkIndex): LinkIndex {
  if (index.pending) {
    for (const stem of listUnindexed(index)) index.unindexed.add(stem);
    for (const doc of index.pending.values()) index.search.add(doc);
    index.pending = null;
  }
  const conventions = findTitleConventions([...index.pages.values()].map((p) => p.title));
  index.conventions.clear();
  for (const c of conventions) index.conventions.add(c);
  index.phrases.clear();
  index.phraseStarts.clear();
  for (const page of index.pages.values()) addPhrases(index, page);
  return index;
}

/** Builds an index over `pages` (a page whose URL was already seen is skipped). */
export function buildLinkIndex(pages: Iterable<Page>, options: IndexOptions): LinkIndex {
  const index = createLinkIndex(options);
  for (const page of pages) if (!findPage(index, page.url)) addPage(index, page);
  return finishLinkIndex(index);
}

function addPage(index: LinkIndex, page: Page): IndexedPage {
  const id = index.nextId++;
  const stems = stemPage(page, index.options.bodyWords);
  const indexed = toIndexedPage(id, page, stems, index.options.siteHosts);
  const seen = new Set<string>();
  const doc = toDoc(id, stems, seen);
  if (index.pending) index.pending.set(id, doc);
  else index.search.add(doc);
  bumpDf(index, seen, 1);
  index.pages.set(id, indexed);
  registerKeys(index, indexed);
  addPhrases(index, indexed);
  return indexed;
}

/** Finds the page a URL points at, by URL key or alias. */
export function findPage(index: LinkIndex, url: string): IndexedPage | undefined {
  const key = toUrlKey(url, index.options.siteHosts);
  if (key === null) return undefined;
  const id = index.byKey.get(key);
  return id === undefined ? undefined : index.pages.get(id);
}

/**
 * Adds or replaces one page. Returns `unchanged` when its content hash is the same.
 * The old page's stems are needed to keep document frequencies exact; pass them when known.
 */
export function upsertPage(index: LinkIndex, page: Page, previous?: Page): 'added' | 'updated' | 'unchanged' {
  const old = findPage(index, page.url);
  if (old && old.hash === hashPage(page)) return 'unchanged';
  if (old) removeIndexedPage(index, old, previous);
  addPage(index, page);
  return old ? 'updated' : 'added';
}

/** Removes one page by URL; returns whether it was there. */
export function removePage(index: LinkIndex, url: string, previous?: Page): boolean {
  const old = findPage(index, url);
  if (!old) return false;
  removeIndexedPage(index, old, previous);
  return true;
}

function removeIndexedPage(index: LinkIndex, old: IndexedPage, previous?: Page): void {
  if (index.pending) index.pending.delete(old.id);
  else index.search.discard(old.id);
  if (previous) bumpDf(index, docStems(previous, index.options.bodyWords), -1);
  unregisterKeys(index, old);
  removePhrases(index, old);
  index.pages.delete(old.id);
}

/** Inverse document frequency of a stem (BM25 form, never negative). */
export function idfOf(index: LinkIndex, stem: string): number {
  const n = index.pages.size || 1;
  const df = index.df.get(stem) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

type PageRow = [id: number, url: string, key: string, title: string, locale: string, kind: string, hash: string, profile: string, keyphrase: string | null, aliases: string[] | null, date: string | null];
type PhraseRow = [key: string, id: number, source: PhraseRef['source'], text: string];

/** The index file's format: bump whenever what `serializeLinkIndex` writes changes. */
export const INDEX_FORMAT = 6;

type SearchJson = ReturnType<MiniSearch<IndexDoc>['toJSON']>;
type DocRow = [shortId: number, id: number, lengths: number[]];
/** One stem's postings: per field, its id, the page ids (delta-coded) and the term frequencies (`[]` when all are 1). */
type TermRow = [term: string, fields: [fieldId: number, ids: number[], tfs: number[]][]];
type FieldPostings = Map<number, Map<number, number>>;
/** minisearch's term tree (a protected member; minisearch is pinned): read and filled directly, so that saving and
 * loading 100,000 pages need neither its object form (a map per posting list, parsed key by key) nor one giant array. */
type TermTree = { set(term: string, data: FieldPostings): unknown; [Symbol.iterator](): Iterator<[string, FieldPostings]> };

type SearchInternals = {
  _index: TermTree;
  _documentIds: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
};

function internalsOf(search: MiniSearch<IndexDoc>): SearchInternals {
  return search as unknown as SearchInternals;
}

function termTreeOf(search: MiniSearch<IndexDoc>): TermTree {
  return internalsOf(search)._index;
}

function* listTermRows(search: MiniSearch<IndexDoc>): Generator<TermRow> {
  for (const [term, fields] of termTreeOf(search)) {
    const row: TermRow[1] = [];
    for (const [fieldId, postings] of fields) {
      const ids: number[] = [];
      const tfs: number[] = [];
      let last = 0;
      let ones = true;
      for (const [id, tf] of postings) {
        ids.push(id - last);
        tfs.push(tf);
        if (tf !== 1) ones = false;
        last = id;
      }
      row.push([fieldId, ids, ones ? [] : tfs]);
    }
    yield [term, row];
  }
}

function putTermRows(tree: TermTree, rows: readonly TermRow[]): void {
  for (const [term, fields] of rows) {
    const data: FieldPostings = new Map();
    for (const [fieldId, ids, tfs] of fields) {
      const postings = new Map<number, number>();
      let id = 0;
      for (let i = 0; i < ids.length; i++) {
        id += ids[i] ?? 0;
        postings.set(id, tfs[i] ?? 1);
      }
      data.set(fieldId, postings);
    }
    tree.set(term, data);
  }
}

/** The first line of the index file. */
export type IndexHeader = {
  readonly version: number;
  readonly options: IndexOptions;
  readonly nextId: number;
  readonly conventions: string[];
  readonly unindexed: string[];
  readonly search: Omit<SearchJson, 'index' | 'documentIds' | 'fieldLength' | 'storedFields'>;
};

/** Every further line: one section's rows, at most `CHUNK` of them. */
export type IndexSection = ['pages', PageRow[]] | ['phrases', PhraseRow[]] | ['df', [string, number][]] | ['docs', DocRow[]] | ['terms', TermRow[]];

const CHUNK = 2000;

function* chunkRows<R>(rows: Iterable<R>, emit: (rows: R[]) => string): Generator<string> {
  let batch: R[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= CHUNK) {
      yield emit(batch);
      batch = [];
    }
  }
  if (batch.length) yield emit(batch);
}

function* listPhraseRows(index: LinkIndex): Generator<PhraseRow> {
  for (const [key, refs] of index.phrases) for (const r of refs) yield [key, r.id, r.source, r.text];
}

function* listPageRows(index: LinkIndex): Generator<PageRow> {
  for (const p of index.pages.values()) yield [p.id, p.url, p.key, p.title, p.locale, p.kind, p.hash, p.profile, p.keyphrase ?? null, p.aliases ? [...p.aliases] : null, p.date ?? null];
}

/** The index as JSON lines (a header, then sections in chunks): written one line at a time, never one giant string. */
export function* serializeLinkIndex(index: LinkIndex): Generator<string> {
  const m = internalsOf(index.search);
  // What `toJSON` gives besides the postings (serialisation version 2), without building its object form of them.
  const search = { documentCount: m._documentCount, nextId: m._nextId, fieldIds: m._fieldIds, averageFieldLength: m._avgFieldLength, dirtCount: m._dirtCount, serializationVersion: 2 };
  const header: IndexHeader = { version: INDEX_FORMAT, options: index.options, nextId: index.nextId, conventions: [...index.conventions], unindexed: [...index.unindexed], search };
  yield JSON.stringify(header);
  const section = (name: IndexSection[0]) => (rows: unknown[]) => JSON.stringify([name, rows]);
  yield* chunkRows(listPageRows(index), section('pages'));
  yield* chunkRows(listPhraseRows(index), section('phrases'));
  yield* chunkRows(index.df, section('df'));
  const docRows = function* (): Generator<DocRow> {
    for (const [short, id] of m._documentIds) yield [short, id, m._fieldLength.get(short) ?? []];
  };
  yield* chunkRows(docRows(), section('docs'));
  yield* chunkRows(listTermRows(index.search), section('terms'));
}

/** Restores an index from its header and its sections (see `serializeLinkIndex`). */
export function restoreLinkIndex(header: IndexHeader, sections: Iterable<IndexSection>): LinkIndex {
  const unindexed = new Set(header.unindexed);
  let index: LinkIndex = {
    options: header.options,
    pages: new Map(),
    byKey: new Map(),
    search: new MiniSearch<IndexDoc>(searchOptions(unindexed)),
    df: new Map(),
    phrases: new Map(),
    phraseStarts: new Map(),
    conventions: new Set(header.conventions),
    unindexed,
    pending: null,
    nextId: header.nextId,
  };
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  let tree: TermTree | undefined;
  // The documents come first; the postings then go straight into minisearch's tree, chunk by chunk.
  const openTree = (): TermTree => {
    if (tree) return tree;
    const json = { ...header.search, documentIds, fieldLength, storedFields: {}, index: [] } as unknown as SearchJson;
    index = { ...index, search: MiniSearch.loadJS<IndexDoc>(json, searchOptions(unindexed)) };
    tree = termTreeOf(index.search);
    return tree;
  };
  for (const section of sections) {
    if (section[0] === 'pages') restorePages(index, section[1]);
    else if (section[0] === 'phrases') restorePhrases(index, section[1]);
    else if (section[0] === 'df') for (const [stem, n] of section[1]) index.df.set(stem, n);
    else if (section[0] === 'docs')
      for (const [short, id, lengths] of section[1]) {
        documentIds[short] = id;
        fieldLength[short] = lengths;
      }
    else putTermRows(openTree(), section[1]);
  }
  openTree();
  return index;
}

function restorePages(index: LinkIndex, rows: readonly PageRow[]): void {
  for (const [id, url, key, title, locale, kind, hash, profile, keyphrase, aliases, date] of rows) {
    const page: IndexedPage = {
      id,
      url,
      key,
      title,
      locale,
      kind,
      hash,
      profile,
      ...(keyphrase ? { keyphrase } : {}),
      ...(aliases ? { aliases } : {}),
      ...(date ? { date } : {}),
    };
    index.pages.set(id, page);
    if (aliases) registerKeys(index, page);
    else index.byKey.set(key, id);
  }
}

function restorePhrases(index: LinkIndex, rows: readonly PhraseRow[]): void {
  for (const [key, id, source, text] of rows) {
    const list = index.phrases.get(key);
    if (list) list.push({ id, source, text });
    else index.phrases.set(key, [{ id, source, text }]);
    const space = key.indexOf(' ');
    const first = space < 0 ? key : key.slice(0, space);
    const length = space < 0 ? 1 : key.split(' ').length;
    if ((index.phraseStarts.get(first) ?? 0) < length) index.phraseStarts.set(first, length);
  }
}
