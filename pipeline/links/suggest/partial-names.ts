/** Shorter names of the pages most related to a draft: `Web Managers` for "Join the Web Managers". */
import type { IndexedPage, PhraseRef } from '../index/link-index.ts';
import { STOP_STEMS } from '../text/tokenize.ts';
import { tokenize } from '../text/tokenize.ts';
import type { PhraseDictionary } from './find-candidates.ts';

/**
 * Builds a draft-local dictionary of the contiguous parts of each page's title (at least `minTokens` words,
 * not starting or ending with a function word). Only pages already related to the draft get one, so a part
 * of a title never links a draft that is about something else.
 */
export function buildPartialDictionary(pages: readonly IndexedPage[], fullKeys: { has(key: string): boolean }, minTokens = 2): PhraseDictionary {
  const phrases = new Map<string, PhraseRef[]>();
  const phraseStarts = new Map<string, number>();
  for (const page of pages) {
    const tokens = tokenize(page.title);
    const stems = tokens.map((t) => t.stem);
    for (let i = 0; i < stems.length; i++) {
      const first = stems[i] ?? '';
      if (STOP_STEMS.has(first)) continue;
      for (let j = i + minTokens; j <= stems.length; j++) {
        if (i === 0 && j === stems.length) continue;
        const last = stems[j - 1] ?? '';
        if (STOP_STEMS.has(last)) continue;
        const key = stems.slice(i, j).join(' ');
        if (fullKeys.has(key)) continue;
        const list = phrases.get(key) ?? [];
        if (list.some((r) => r.id === page.id)) continue;
        list.push({ id: page.id, source: 'partial', text: page.title.slice(tokens[i]?.start ?? 0, tokens[j - 1]?.end ?? 0) });
        phrases.set(key, list);
        phraseStarts.set(first, Math.max(phraseStarts.get(first) ?? 0, j - i));
      }
    }
  }
  return { phrases, phraseStarts };
}
