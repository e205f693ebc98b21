import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../bench/links-scale/synthetic-site.ts';
import { stemsOf, tokenize } from './tokenize.ts';

// The word rule, as a regular expression: what the scanner must find.
const WORD = /[\p{L}\p{N}]+(?:[.'’_][\p{L}\p{N}]+)*/gu;
const PIECES = ['a', 'Z', '9', 'é', 'Ä', 'ß', 'İ', 'ж', '中', '𝐀', '😀', '٣', '.', "'", '’', '_', '-', ' ', '\n', '—', ',', '́', 's', 'strings.Truncate', "editor's"];

describe('tokenize', () => {
  it('finds the words the word rule finds, with their offsets, on any text', () => {
    const r = createRandom(11);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let n = Math.floor(r() * 20); n > 0; n--) text += PIECES[Math.floor(r() * PIECES.length)];
      const expected = [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length, m[0]]);
      expect(tokenize(text).map((t) => [t.start, t.end, t.raw]), JSON.stringify(text)).toEqual(expected);
      const lower = text.toLowerCase();
      expect(stemsOf(text).length, JSON.stringify(text)).toBe([...lower.matchAll(WORD)].length);
    }
  });

  it('folds case, curly apostrophes and possessives, and keeps identifiers whole', () => {
    expect(tokenize('The Editor’s picks: strings.Truncate and safe.HTML').map((t) => t.stem)).toEqual(['the', 'editor', 'pick', 'strings.truncate', 'and', 'safe.html']);
    expect(stemsOf('Linen shirts’ care')).toEqual(['linen', 'shirt', 'care']);
  });
});
