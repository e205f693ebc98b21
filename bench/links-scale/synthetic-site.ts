/** A deterministic synthetic site: pages with realistic lengths and a Zipf-distributed vocabulary. */
import type { Page } from '../../pipeline/links/inventory/page.ts';

/** mulberry32: a small seeded PRNG, so every run builds the same site. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ba be bi bo bu ca ce ci co da de di do fa fe fi fo ga ge go ha he hi ho ja ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi ya yo za ze zo lin mer cot wool can vas'.split(' ');
const FUNCTION_WORDS = 'the a of and to in is for on with that it as by this are be from or at an your our can'.split(' ');

/** Word `i` of the vocabulary: two to four syllables, distinct for every i. */
function makeWord(i: number): string {
  let n = i;
  let w = '';
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return w.length < 4 ? `${w}ro` : w;
}

export type SyntheticSite = {
  readonly page: (i: number) => Page;
  readonly draft: (words: number, seed: number) => string;
};

/** Creates the site generator: `vocabulary` content words with Zipf(1.05) frequencies. */
export function createSyntheticSite(seed = 42, vocabulary = 40_000): SyntheticSite {
  const words = Array.from({ length: vocabulary }, (_, i) => makeWord(i));
  const cdf = new Float64Array(vocabulary);
  let sum = 0;
  for (let i = 0; i < vocabulary; i++) {
    sum += 1 / Math.pow(i + 1, 1.05);
    cdf[i] = sum;
  }
  for (let i = 0; i < vocabulary; i++) cdf[i] = (cdf[i] ?? 0) / sum;
  const pick = (r: () => number): string => {
    const x = r();
    let lo = 0;
    let hi = vocabulary - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? 'word';
  };
  const sentence = (r: () => number, n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(r() < 0.4 ? (FUNCTION_WORDS[Math.floor(r() * FUNCTION_WORDS.length)] ?? 'the') : pick(r));
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const title = (i: number): string => {
    const r = createRandom(seed * 1_000_003 + i * 7919);
    const n = 2 + Math.floor(r() * 5);
    const t: string[] = [];
    for (let k = 0; k < n; k++) t.push(pick(r));
    return t.join(' ');
  };
  const paragraphs = (r: () => number, totalWords: number): string[] => {
    const out: string[] = [];
    let left = totalWords;
    while (left > 0) {
      const para: string[] = [];
      let n = 40 + Math.floor(r() * 80);
      while (n > 0 && left > 0) {
        const len = Math.min(left, 8 + Math.floor(r() * 18));
        para.push(sentence(r, len));
        n -= len;
        left -= len;
      }
      out.push(para.join(' '));
    }
    return out;
  };
  return {
    page(i: number): Page {
      const r = createRandom(seed + i * 2_654_435_761);
      // Page bodies: 150 to ~2,000 words, most between 400 and 900.
      const length = Math.round(150 + 700 * -Math.log(1 - r() * 0.95));
      const headings = Array.from({ length: 2 + Math.floor(r() * 5) }, () => sentence(r, 2 + Math.floor(r() * 4)).slice(0, -1));
      return {
        url: `/section-${i % 40}/${title(i).replace(/\s+/g, '-')}-${i}/`,
        title: title(i),
        description: sentence(r, 15 + Math.floor(r() * 15)),
        headings,
        text: paragraphs(r, length).join('\n'),
        locale: 'en',
        kind: `section-${i % 40}`,
      };
    },
    /** A Markdown draft of about `words` words that names a dozen existing pages along the way. */
    draft(total: number, draftSeed: number): string {
      const r = createRandom(draftSeed);
      const paras = paragraphs(r, total);
      return paras
        .map((p, k) => {
          const named = title(Math.floor(r() * 100_000));
          const withName = k % 2 === 0 ? `${p} See also ${named} for more.` : p;
          return k % 5 === 0 ? `## ${sentence(r, 4).slice(0, -1)}\n\n${withName}` : withName;
        })
        .join('\n\n');
    },
  };
}
