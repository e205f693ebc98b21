/** The link index: inventory pages, a BM25F full-text index (minisearch) and a phrase dictionary of page names. */
import MiniSearch from 'minisearch';
import type { Page } from '../inventory/page.ts';
import { PackedPostings } from './packed-postings.ts';
import { hashPage } from '../inventory/page.ts';
import { stemCount, stemIdsOf, stemName, STOP_WORDS } from '../text/tokenize.ts';
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
  /** Documents waiting for `finishLinkIndex` while an index is first built. */
  pending: PendingBuild | null;
  nextId: number;
};

type IndexDoc = { id: number; title: string; headings: string; description: string; text: string };
/** A page's indexed stems per field, stop words dropped, in the order of `FIELDS`. */
type DocStems = readonly [title: string[], headings: string[], description: string[], text: string[]];

/** The stop stems' numbers (see `stemIdsOf`). */
const STOP_IDS: ReadonlySet<number> = new Set([...STOP_WORDS].flatMap((w) => stemIdsOf(w)));

const FIELDS = ['title', 'headings', 'description', 'text'] as const;

function searchOptions(unindexed: ReadonlySet<string>): ConstructorParameters<typeof MiniSearch<IndexDoc>>[0] {
  return { fields: [...FIELDS], idField: 'id', tokenize: splitStems, processTerm: (term) => (unindexed.has(term) ? null : term) };
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

/** Stem numbers of each field (see `stemIdsOf`). */
type PageStems = { readonly title: number[]; readonly headings: number[]; readonly description: number[]; readonly text: number[] };

/** Stems each field the index reads once; the document, its stem set and its profile all come from these. */
function stemPage(page: Page, bodyWords: number): PageStems {
  return { title: stemIdsOf(page.title), headings: stemIdsOf(page.headings.join('\n')), description: stemIdsOf(page.description), text: stemIdsOf(leadWords(page.text, bodyWords)) };
}

/** The indexed stems of each field, stop words dropped; every kept stem is also added to `seen`. */
function toDocStems(stems: PageStems, seen: Set<string>): DocStems {
  const field = (list: readonly number[]): string[] => {
    const kept: string[] = [];
    for (const id of list) {
      if (STOP_IDS.has(id)) continue;
      const s = stemName(id);
      kept.push(s);
      seen.add(s);
    }
    return kept;
  };
  return [field(stems.title), field(stems.headings), field(stems.description), field(stems.text)];
}

/** minisearch's document for one page: each field is its stems joined by spaces (see `splitStems`). */
function toDoc(id: number, doc: DocStems): IndexDoc {
  return { id, title: doc[0].join(' '), headings: doc[1].join(' '), description: doc[2].join(' '), text: doc[3].join(' ') };
}

/**
 * An index being built: its documents as term numbers, each distinct stem numbered once. Document frequencies
 * are counted in a typed array and handed to `df` when the build finishes; minisearch receives every document
 * at once then (see `addPacked`). At 100,000 pages this is most of the build time saved over string keys.
 */
export type PendingBuild = {
  /** Per stem number (see `stemIdsOf`): on how many pending pages it is. */
  df: Int32Array;
  /** Per stem number: the last `stamp` that counted it (the distinct stems of one document). */
  mark: Int32Array;
  stamp: number;
  /** Page id → its fields' lengths (four numbers), then the stem numbers of each field in turn. */
  readonly docs: Map<number, Int32Array>;
};

function createPendingBuild(): PendingBuild {
  return { df: new Int32Array(1024), mark: new Int32Array(1024), stamp: 0, docs: new Map() };
}

/** Makes the per-stem arrays long enough for every stem numbered so far. */
function fitStems(build: PendingBuild): void {
  const need = stemCount();
  if (need <= build.df.length) return;
  const size = Math.max(need, build.df.length * 2);
  const df = new Int32Array(size);
  df.set(build.df);
  build.df = df;
  const mark = new Int32Array(size);
  mark.set(build.mark);
  build.mark = mark;
}

/** Stores a page's fields as stem numbers (stop words dropped) and counts its distinct stems' frequencies. */
function addPendingDoc(build: PendingBuild, id: number, stems: PageStems): void {
  fitStems(build);
  const fields = [stems.title, stems.headings, stems.description, stems.text];
  const doc = new Int32Array(FIELDS.length + fields.reduce((n, f) => n + f.length, 0));
  let at = FIELDS.length;
  fields.forEach((list, f) => {
    const from = at;
    for (const s of list) if (!STOP_IDS.has(s)) doc[at++] = s;
    doc[f] = at - from;
  });
  build.docs.set(id, doc.subarray(0, at));
  countDocTerms(build, doc.subarray(FIELDS.length, at), 1);
}

function countDocTerms(build: PendingBuild, terms: Int32Array, by: 1 | -1): void {
  const stamp = ++build.stamp;
  for (const t of terms) {
    if (build.mark[t] === stamp) continue;
    build.mark[t] = stamp;
    build.df[t] = (build.df[t] ?? 0) + by;
  }
}

function removePendingDoc(build: PendingBuild, id: number): void {
  const doc = build.docs.get(id);
  if (!doc) return;
  build.docs.delete(id);
  countDocTerms(build, doc.subarray(FIELDS.length), -1);
}

/**
 * Adds the pending documents to minisearch at once, as `add` would one by one (same short ids, field lengths
 * and average field lengths, so every score is the same), with each posting list packed (see `PackedPostings`):
 * minisearch has no bulk load, and its `add` costs a `Map` entry and a tree walk per posting. Two passes over
 * the documents: the first counts each posting list's length, the second fills lists allocated at that size.
 */
function addPacked(search: MiniSearch<IndexDoc>, build: PendingBuild, unindexed: ReadonlySet<string>): void {
  const m = internalsOf(search);
  const nf = FIELDS.length;
  const fieldIds = FIELDS.map((f) => m._fieldIds[f] ?? 0);
  const nTerms = build.df.length;
  // Stems on no pending page, and those left out of the full-text index, get no posting list.
  const skip = new Uint8Array(nTerms);
  for (let t = 0; t < nTerms; t++) if (!build.df[t] || unindexed.has(stemName(t))) skip[t] = 1;
  const tf = new Int32Array(nTerms);
  const mark = new Int32Array(nTerms).fill(-1);
  const touched = new Int32Array(nTerms);
  const lengths = new Int32Array(nTerms * nf);
  const maxTf = new Int32Array(nTerms * nf);
  let stamp = 0;
  /** Calls `each(term, tf)` for the distinct terms of one field; returns how many there are. */
  const eachTerm = (terms: Int32Array, each: (t: number, n: number) => void): number => {
    stamp += 1;
    let count = 0;
    for (const t of terms) {
      if (mark[t] === stamp) tf[t] = (tf[t] ?? 0) + 1;
      else {
        mark[t] = stamp;
        tf[t] = 1;
        touched[count++] = t;
      }
    }
    for (let i = 0; i < count; i++) {
      const t = touched[i] ?? 0;
      if (!skip[t]) each(t, tf[t] ?? 1);
    }
    return count;
  };
  const fieldsOf = (doc: Int32Array): Int32Array[] => {
    const out: Int32Array[] = [];
    let at = nf;
    for (let f = 0; f < nf; f++) {
      const n = doc[f] ?? 0;
      out.push(doc.subarray(at, at + n));
      at += n;
    }
    return out;
  };
  for (const [id, doc] of build.docs) {
    const short = m.addDocumentId(id);
    fieldsOf(doc).forEach((terms, f) => {
      const distinct = eachTerm(terms, (t, n) => {
        lengths[t * nf + f] = (lengths[t * nf + f] ?? 0) + 1;
        if (n > (maxTf[t * nf + f] ?? 0)) maxTf[t * nf + f] = n;
      });
      // minisearch's field length: distinct terms, counting those `processTerm` then drops.
      m.addFieldLength(short, fieldIds[f] ?? 0, m._documentCount - 1, distinct);
    });
  }
  const ids: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(nTerms * nf);
  const tfs: (Uint16Array | Uint32Array | undefined)[] = new Array<Uint16Array | Uint32Array | undefined>(nTerms * nf);
  for (let k = 0; k < nTerms * nf; k++) {
    const n = lengths[k] ?? 0;
    if (n === 0) continue;
    ids[k] = new Int32Array(n);
    const most = maxTf[k] ?? 1;
    if (most > 1) tfs[k] = most > 0xffff ? new Uint32Array(n) : new Uint16Array(n);
  }
  const filled = new Int32Array(nTerms * nf);
  for (const [id, doc] of build.docs) {
    const short = m._idToShortId.get(id) ?? 0;
    fieldsOf(doc).forEach((terms, f) => {
      eachTerm(terms, (t, n) => {
        const k = t * nf + f;
        const at = filled[k] ?? 0;
        filled[k] = at + 1;
        (ids[k] as Int32Array)[at] = short;
        const counts = tfs[k];
        if (counts) counts[at] = n;
      });
    });
  }
  const tree = m._index;
  for (let t = 0; t < nTerms; t++) {
    if (skip[t]) continue;
    const data: FieldPostings = new Map();
    for (let f = 0; f < nf; f++) {
      const list = ids[t * nf + f];
      if (list) data.set(fieldIds[f] ?? 0, new PackedPostings(list, tfs[t * nf + f] ?? null));
    }
    if (data.size) tree.set(stemName(t), data);
  }
}

function packTfs(tfs: readonly number[], maxTf: number): Uint16Array | Uint32Array | null {
  if (maxTf === 1) return null;
  return maxTf > 0xffff ? Uint32Array.from(tfs) : Uint16Array.from(tfs);
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
    for (const id of list) {
      if (out.size >= PROFILE_STEMS) break;
      if (STOP_IDS.has(id) || title.has(id)) continue;
      const s = stemName(id);
      if (s.length > 2) out.add(s);
    }
  return [...out].join(' ');
}

function toIndexedPage(id: number, page: Page, stems: PageStems, siteHosts: readonly string[], hash: string): IndexedPage {
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

function bumpDf(index: LinkIndex, stems: Iterable<string>): void {
  for (const s of stems) index.df.set(s, (index.df.get(s) ?? 0) + 1);
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
    pending: createPendingBuild(),
    nextId: 0,
  };
}

/** Settles the site's title conventions (`Configure …`) over all pages and rebuilds the phrase dictionary. */
export function finishLinkIndex(index: LinkIndex): LinkIndex {
  if (index.pending) {
    const build = index.pending;
    build.df.forEach((n, t) => {
      if (n > 0) index.df.set(stemName(t), n);
    });
    for (const stem of listUnindexed(index)) index.unindexed.add(stem);
    addPacked(index.search, build, index.unindexed);
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
  for (const page of pages) if (!findPage(index, page.url)) addPage(index, page, hashPage(page));
  return finishLinkIndex(index);
}

function addPage(index: LinkIndex, page: Page, hash: string): IndexedPage {
  const id = index.nextId++;
  const stems = stemPage(page, index.options.bodyWords);
  const indexed = toIndexedPage(id, page, stems, index.options.siteHosts, hash);
  index.pages.set(id, indexed);
  registerKeys(index, indexed);
  // While an index is first built, `finishLinkIndex` adds the documents and the phrases, once conventions are known.
  if (index.pending) addPendingDoc(index.pending, id, stems);
  else {
    const seen = new Set<string>();
    const doc = toDocStems(stems, seen);
    bumpDf(index, seen);
    index.search.add(toDoc(id, doc));
    addPhrases(index, indexed);
  }
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
 * Adds or replaces one page. Returns `unchanged` when its content hash is the same. A replaced page's old
 * stems stay counted in `df` until `recountDocumentFrequencies`.
 */
export function upsertPage(index: LinkIndex, page: Page): 'added' | 'updated' | 'unchanged' {
  const old = findPage(index, page.url);
  const hash = hashPage(page);
  if (old && old.hash === hash) return 'unchanged';
  if (old) removeIndexedPage(index, old);
  addPage(index, page, hash);
  return old ? 'updated' : 'added';
}

/**
 * Recounts the document frequency of every indexed stem from the posting lists, leaving out removed pages.
 * Updates and removals cannot take a page's old stems back out of `df` (the index keeps no page text);
 * `links sync` calls this after updating or removing pages, so frequencies stay exact. Stems left out of
 * the full-text index (see `unindexed`) keep their count from the build.
 */
export function recountDocumentFrequencies(index: LinkIndex): void {
  if (index.pending) return;
  const m = internalsOf(index.search);
  const live = new Uint8Array(m._nextId + 1);
  for (const short of m._documentIds.keys()) live[short] = 1;
  const mark = new Int32Array(m._nextId + 1);
  let stamp = 0;
  const counted = new Set<string>();
  for (const [term, fields] of m._index) {
    stamp += 1;
    counted.add(term);
    let n = 0;
    for (const postings of fields.values()) {
      const ids = postings instanceof PackedPostings ? postings.packed().ids : postings.keys();
      for (const id of ids) {
        if (mark[id] === stamp || !live[id]) continue;
        mark[id] = stamp;
        n += 1;
      }
    }
    if (n > 0) index.df.set(term, n);
    else index.df.delete(term);
  }
  for (const stem of index.df.keys()) if (!counted.has(stem) && !index.unindexed.has(stem)) index.df.delete(stem);
}

/** Removes one page by URL; returns whether it was there. */
export function removePage(index: LinkIndex, url: string): boolean {
  const old = findPage(index, url);
  if (!old) return false;
  removeIndexedPage(index, old);
  return true;
}

function removeIndexedPage(index: LinkIndex, old: IndexedPage): void {
  if (index.pending) removePendingDoc(index.pending, old.id);
  else {
    index.search.discard(old.id);
    removePhrases(index, old);
  }
  unregisterKeys(index, old);
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
export const INDEX_FORMAT = 8;

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
  _idToShortId: Map<number, number>;
  addDocumentId(id: number): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
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
      const packed = postings instanceof PackedPostings ? postings.packed() : { ids: Int32Array.from(postings.keys()), tfs: Uint32Array.from(postings.values()) };
      const tfs = packed.tfs && packed.tfs.some((tf) => tf !== 1) ? Array.from(packed.tfs) : [];
      row.push([fieldId, deltas(packed.ids), tfs]);
    }
    yield [term, row];
  }
}

function deltas(ids: Int32Array): number[] {
  const out = new Array<number>(ids.length);
  let last = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? 0;
    out[i] = id - last;
    last = id;
  }
  return out;
}

function putTermRows(tree: TermTree, rows: readonly TermRow[]): void {
  for (const [term, fields] of rows) {
    const data: FieldPostings = new Map();
    for (const [fieldId, deltas, tfs] of fields) {
      const ids = new Int32Array(deltas.length);
      let id = 0;
      for (let i = 0; i < deltas.length; i++) ids[i] = id += deltas[i] ?? 0;
      data.set(fieldId, new PackedPostings(ids, tfs.length ? packTfs(tfs, tfs.reduce((a, b) => Math.max(a, b), 1)) : null));
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
