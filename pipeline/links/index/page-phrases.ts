/** The phrases that name a page, under which a draft's text can point at it. */
import { phraseKey, STOP_STEMS, STOP_WORDS, stemsOf } from '../text/tokenize.ts';

export type PhraseSource = 'title' | 'keyphrase' | 'alias';

export type PagePhrase = {
  /** Stems joined by spaces. */
  readonly key: string;
  readonly source: PhraseSource;
  /** The phrase as the page writes it. */
  readonly text: string;
};

/**
 * Title openers that many titles share on this site: a naming convention, not a name. A single leading word
 * counts when 3% of titles start with it (`Configure …` in reference docs); a two- or three-word opener counts
 * when it ends in a function word (`An introduction to …`, `Join the …`, `Host on …`) and five titles share it.
 */
export function findTitleConventions(titles: Iterable<string>, minShare = 0.03, minCount = 5): Set<string> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const title of titles) {
    total += 1;
    const stems = stemsOf(title);
    for (let n = 1; n <= 3 && n < stems.length; n++) {
      const prefix = stems.slice(0, n).join(' ');
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [prefix, n] of counts) {
    const words = prefix.split(' ');
    const frame = words.length > 1 && STOP_STEMS.has(words.at(-1) ?? '');
    if (n >= minCount && (frame ? n >= total * 0.003 : n >= total * minShare)) out.add(prefix);
  }
  return out;
}

/**
 * The phrases of one page: its title, its keyphrase, and aliases a reader would use for it: the title
 * without a site-wide leading word or article, each side of a `Title: subtitle` split, and an acronym
 * given in parentheses.
 */
export function listPagePhrases(
  page: { readonly title: string; readonly keyphrase?: string | undefined },
  conventions: ReadonlySet<string>,
): PagePhrase[] {
  const out = new Map<string, PagePhrase>();
  const add = (text: string, source: PhraseSource): void => {
    const clean = text.replace(/\s+/g, ' ').trim();
    const key = phraseKey(clean);
    if (!key || out.has(key)) return;
    const words = key.split(' ');
    // A name made only of function words is kept when it is the page's own title: `with` and `if` are template
    // functions. The matcher takes such a name only as a whole code span written exactly so.
    if (source !== 'title' && words.every((w) => STOP_WORDS.has(w))) return;
    out.set(key, { key, source, text: clean });
  };
  const title = page.title.replace(/\s+/g, ' ').trim();
  add(title, 'title');
  if (page.keyphrase) add(page.keyphrase, 'keyphrase');
  const variants = new Set<string>();
  const paren = /^(.*?)\s*\(([^)]+)\)\s*(.*)$/.exec(title);
  if (paren) {
    variants.add(`${paren[1] ?? ''} ${paren[3] ?? ''}`);
    if (/^[A-Z0-9][A-Za-z0-9.&-]{1,9}$/.test(paren[2] ?? '')) variants.add(paren[2] ?? '');
  }
  const colon = /^([^:]{3,}):\s+(.{3,})$/.exec(title);
  if (colon) {
    variants.add(colon[1] ?? '');
    variants.add(colon[2] ?? '');
  }
  for (const v of [title, ...variants]) {
    variants.add(v);
    const words = v.trim().split(/\s+/);
    const stems = words.map((w) => stemsOf(w).join(' '));
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const opener = stems.slice(0, n).join(' ');
      if (!conventions.has(opener) && !(n === 1 && STOP_WORDS.has((words[0] ?? '').toLowerCase()))) continue;
      let rest = words.slice(n);
      while (rest.length > 1 && STOP_WORDS.has((rest[0] ?? '').toLowerCase())) rest = rest.slice(1);
      variants.add(rest.join(' '));
      break;
    }
  }
  variants.delete(title);
  for (const v of variants) add(v, 'alias');
  return [...out.values()];
}
