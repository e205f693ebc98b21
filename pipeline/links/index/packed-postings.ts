/**
 * One field's posting list of one term, packed: page ids and term frequencies in two typed arrays instead of a
 * `Map` entry per posting. minisearch keeps each posting list as a `Map<shortId, termFrequency>`; this class is
 * that `Map`, in sorted arrays. At 100,000 pages there are millions of postings: packed, they take a tenth of the
 * memory and no time to create, and a saved index loads straight into them.
 *
 * minisearch gives a new document a larger short id than any before it, so adding a page appends; a lookup
 * right after iteration yielded that id (how minisearch scores) is answered without a search.
 */
export class PackedPostings implements Map<number, number> {
  /** Short document ids, ascending, in `ids[0 … count)`; the rest is room to grow. */
  #ids: Int32Array;
  /** Term frequency of each id, or `null` while every one is 1. */
  #tfs: Uint16Array | Uint32Array | null;
  #count: number;
  /** Where the last lookup or iteration was. */
  #cursor = 0;

  constructor(ids: Int32Array, tfs: Uint16Array | Uint32Array | null) {
    this.#ids = ids;
    this.#tfs = tfs;
    this.#count = ids.length;
  }

  readonly [Symbol.toStringTag] = 'PackedPostings';

  /** The ids and frequencies, as stored (views, not copies). */
  packed(): { readonly ids: Int32Array; readonly tfs: Uint16Array | Uint32Array | null } {
    return { ids: this.#ids.subarray(0, this.#count), tfs: this.#tfs ? this.#tfs.subarray(0, this.#count) : null };
  }

  get size(): number {
    return this.#count;
  }

  /** Index of `id`, or `-(insertion point) - 1` when absent. */
  #find(id: number): number {
    const ids = this.#ids;
    if (this.#cursor < this.#count && ids[this.#cursor] === id) return this.#cursor;
    let lo = 0;
    let hi = this.#count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid] ?? 0;
      if (v === id) return (this.#cursor = mid);
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  get(id: number): number | undefined {
    const at = this.#find(id);
    return at < 0 ? undefined : this.#tfAt(at);
  }

  #tfAt(at: number): number {
    return this.#tfs ? (this.#tfs[at] ?? 1) : 1;
  }

  has(id: number): boolean {
    return this.#find(id) >= 0;
  }

  set(id: number, tf: number): this {
    const last = this.#count - 1;
    let at = last >= 0 && (this.#ids[last] ?? 0) < id ? -this.#count - 1 : this.#find(id);
    if (at < 0) {
      at = -at - 1;
      this.#makeRoom(at);
      this.#ids[at] = id;
    }
    this.#setTf(at, tf);
    return this;
  }

  #makeRoom(at: number): void {
    if (this.#count === this.#ids.length) {
      const capacity = Math.max(4, this.#ids.length * 2);
      const ids = new Int32Array(capacity);
      ids.set(this.#ids);
      this.#ids = ids;
      if (this.#tfs) {
        const tfs = new (this.#tfs.constructor as Uint16ArrayConstructor | Uint32ArrayConstructor)(capacity);
        tfs.set(this.#tfs);
        this.#tfs = tfs;
      }
    }
    this.#ids.copyWithin(at + 1, at, this.#count);
    this.#tfs?.copyWithin(at + 1, at, this.#count);
    if (this.#tfs) this.#tfs[at] = 1;
    this.#count += 1;
  }

  #setTf(at: number, tf: number): void {
    if (!this.#tfs) {
      if (tf === 1) return;
      this.#tfs = new Uint16Array(this.#ids.length).fill(1);
    }
    if (tf > 0xffff && this.#tfs instanceof Uint16Array) this.#tfs = Uint32Array.from(this.#tfs);
    this.#tfs[at] = tf;
  }

  delete(id: number): boolean {
    const at = this.#find(id);
    if (at < 0) return false;
    this.#ids.copyWithin(at, at + 1, this.#count);
    this.#tfs?.copyWithin(at, at + 1, this.#count);
    this.#count -= 1;
    return true;
  }

  clear(): void {
    this.#count = 0;
  }

  keys(): MapIterator<number> {
    return this.#iterate((at) => this.#ids[at] ?? 0);
  }

  values(): MapIterator<number> {
    return this.#iterate((at) => this.#tfAt(at));
  }

  entries(): MapIterator<[number, number]> {
    return this.#iterate((at): [number, number] => [this.#ids[at] ?? 0, this.#tfAt(at)]);
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /**
   * Iterates by position over the ids present when it started. An id deleted meanwhile (minisearch's vacuum
   * deletes as it iterates) shifts the later ones down: the position is kept in step with what was deleted.
   */
  #iterate<T>(read: (at: number) => T): MapIterator<T> {
    let next = 0;
    let id = -1;
    // A plain iterator object, not a generator: minisearch walks every posting of every query term with it.
    const iterator: MapIterator<T> = {
      next: (): IteratorResult<T, undefined> => {
        // Still there: step past it; deleted: the next one moved into its place.
        if (id >= 0 && this.#ids[next] === id && next < this.#count) next += 1;
        if (next >= this.#count) return { done: true, value: undefined };
        id = this.#ids[next] ?? 0;
        this.#cursor = next;
        return { done: false, value: read(next) };
      },
      [Symbol.iterator]: () => iterator,
    };
    return iterator;
  }

  forEach(callback: (tf: number, id: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [id, tf] of this.entries()) callback.call(thisArg, tf, id, this);
  }
}
