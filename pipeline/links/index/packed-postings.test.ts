import { describe, expect, it } from 'vitest';
import { PackedPostings } from './packed-postings.ts';

describe('PackedPostings', () => {
  it('reads like the Map it stands for', () => {
    const packed = new PackedPostings(Int32Array.from([2, 5, 9]), Uint16Array.from([1, 3, 1]));
    const map = new Map([[2, 1], [5, 3], [9, 1]]);
    expect(packed.size).toBe(3);
    expect([...packed]).toEqual([...map]);
    expect([...packed.keys()]).toEqual([...map.keys()]);
    expect([...packed.values()]).toEqual([...map.values()]);
    expect(packed.get(5)).toBe(3);
    expect(packed.get(9)).toBe(1);
    expect(packed.get(4)).toBeUndefined();
    expect(packed.has(2)).toBe(true);
    expect(packed.has(3)).toBe(false);
    const seen: [number, number][] = [];
    packed.forEach((tf, id) => seen.push([id, tf]));
    expect(seen).toEqual([...map]);
    // Without frequencies every posting counts once.
    expect([...new PackedPostings(Int32Array.from([1, 4]), null)]).toEqual([[1, 1], [4, 1]]);
  });

  it('takes writes as a Map would: appended, inserted, changed and deleted postings', () => {
    const packed = new PackedPostings(Int32Array.from([2, 5, 9]), null);
    const map = new Map([[2, 1], [5, 1], [9, 1]]);
    const both = (f: (m: Map<number, number>) => unknown): void => {
      expect(f(packed)).toEqual(f(map));
    };
    both((m) => m.set(11, 1).size); // a new page: appended
    both((m) => m.set(11, 2).get(11)); // the same term again in that page
    both((m) => m.set(7, 4).size); // out of order: inserted
    both((m) => m.set(70000, 70000).get(70000)); // a frequency past 16 bits
    both((m) => m.delete(2));
    both((m) => m.delete(3));
    both((m) => [...m].sort((a, b) => a[0] - b[0]));
    expect([...packed.keys()]).toEqual([5, 7, 9, 11, 70000]);
    packed.clear();
    expect(packed.size).toBe(0);
    expect([...packed]).toEqual([]);
  });

  it('lets minisearch delete while it iterates (as its vacuum does)', () => {
    const packed = new PackedPostings(Int32Array.from([1, 2, 3, 4]), null);
    for (const [id] of packed) if (id % 2 === 0) packed.delete(id);
    expect([...packed.keys()]).toEqual([1, 3]);
  });
});
