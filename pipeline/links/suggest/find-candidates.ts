/** Candidate links of a draft: every place where a page's name already occurs in linkable text. */
import type { PhraseRef } from '../index/link-index.ts';
import { STOP_STEMS, tokenize, type Token } from '../text/tokenize.ts';
import type { Segment } from './draft-segments.ts';

export type Occurrence = {
  readonly pageId: number;
  readonly ref: PhraseRef;
  /** Phrase key that matched (stems). */
  readonly key: string;
  /** Offsets of the anchor in the Markdown source (inline code: the whole span with backticks). */
  readonly start: number;
  readonly end: number;
  readonly anchor: string;
  readonly block: number;
  /** The anchor is a whole inline code span. */
  readonly code: boolean;
  /** The anchor is written as the page names itself (case of the first letter aside; code spans: exactly). */
  readonly sameCase: boolean;
  /** The anchor starts with a capital inside a sentence: a proper name (`Digital Analytics Program`). */
  readonly midCap: boolean;
  /** The anchor is a whole list item, as in a list of related pages. */
  readonly listed: boolean;
  readonly stems: readonly string[];
};

/** Most pages one name may belong to and still be linked (`Introduction` on four docs sections is fine). */
export const MAX_SHARED_NAME = 8;

// Words of one name may be separated by spaces or hyphens, never by sentence punctuation.
const JOINER = /^[\s\-‐‑–]*$/;

function phraseAt(tokens: readonly Token[], text: string, i: number, length: number): string | null {
  const parts: string[] = [];
  for (let j = i; j < i + length; j++) {
    const t = tokens[j];
    if (!t) return null;
    if (j > i) {
      const prev = tokens[j - 1];
      if (!prev || !JOINER.test(text.slice(prev.end, t.start))) return null;
    }
    parts.push(t.stem);
  }
  return parts.join(' ');
}

/** Phrase keys → pages, and the longest phrase starting with each stem (the index's, or a draft-local one). */
export type PhraseDictionary = {
  readonly phrases: ReadonlyMap<string, readonly PhraseRef[]>;
  readonly phraseStarts: ReadonlyMap<string, number>;
};

/** Tokens of each segment, computed once for all the dictionaries a draft is matched against. */
export function tokenizeSegments(segments: readonly Segment[]): Token[][] {
  return segments.map((s) => tokenize(s.text));
}

/** Finds every occurrence of any page phrase in the segments (all lengths, overlapping). */
export function findOccurrences(
  index: PhraseDictionary,
  segments: readonly Segment[],
  markdown: string,
  tokenized: readonly (readonly Token[])[] = tokenizeSegments(segments),
): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (seg: Segment, tokens: readonly Token[], i: number, length: number, key: string): void => {
    const refs = index.phrases.get(key);
    // A name shared by many pages says nothing about which one is meant.
    if (!refs || refs.length > MAX_SHARED_NAME) return;
    const first = tokens[i];
    const last = tokens[i + length - 1];
    if (!first || !last) return;
    // Function words name a page only as code written exactly as its title: `with`, never "with".
    const functionWords = key.split(' ').every((w) => STOP_STEMS.has(w));
    if (functionWords && !seg.atomic) return;
    const start = seg.atomic ? seg.nodeStart : seg.start + first.start;
    const end = seg.atomic ? seg.nodeEnd : seg.start + last.end;
    const written = seg.atomic ? seg.text : seg.text.slice(first.start, last.end);
    const midCap = !seg.atomic && /^\p{Lu}/u.test(written) && !/(?:^|[.!?:]\s*|\n\s*)$/.test(markdown.slice(Math.max(0, start - 4), start));
    const listed = isWholeItem(seg, start, end, markdown);
    const stems = key.split(' ');
    for (const ref of refs) {
      if (functionWords && !sameCode(written, ref.text)) continue;
      out.push({
        pageId: ref.id,
        ref,
        key,
        start,
        end,
        anchor: markdown.slice(start, end),
        block: seg.block,
        code: seg.atomic,
        sameCase: seg.atomic ? sameCode(written, ref.text) : sameCase(written, ref.text),
        midCap,
        listed,
        stems,
      });
    }
  };
  segments.forEach((seg, k) => {
    if (seg.atomic) out.push(...findCodeNames(index, seg, segments[k + 1], markdown));
    const tokens = tokenized[k] ?? [];
    if (tokens.length === 0) return;
    if (seg.atomic) {
      // A code span is a name as a whole or not at all.
      const longest = index.phraseStarts.get(tokens[0]?.stem ?? '');
      const key = longest === undefined || longest < tokens.length ? null : phraseAt(tokens, seg.text, 0, tokens.length);
      if (key !== null) add(seg, tokens, 0, tokens.length, key);
      return;
    }
    // Which tokens continue the phrase of the one before (joined by spaces or hyphens only), worked out once.
    const joined = tokens.map((t, j) => j > 0 && JOINER.test(seg.text.slice(tokens[j - 1]?.end ?? 0, t.start)));
    const keys: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const longest = index.phraseStarts.get(tokens[i]?.stem ?? '');
      if (longest === undefined) continue;
      // Keys of the phrases starting here, one word longer each, as long as the words are joined; longest first.
      keys.length = 0;
      let key = tokens[i]?.stem ?? '';
      keys.push(key);
      for (let j = i + 1; j < tokens.length && j - i < longest && joined[j]; j++) {
        key = `${key} ${tokens[j]?.stem ?? ''}`;
        keys.push(key);
      }
      for (let n = keys.length; n >= 1; n--) add(seg, tokens, i, n, keys[n - 1] ?? '');
    }
  });
  return out;
}

/**
 * Docs name a thing by its identifier in code and its kind in words: "the `instagram` shortcode" names the page
 * "Instagram shortcode", "the `safe` functions" the page "Safe functions". The link goes on the code span, whole.
 */
function findCodeNames(index: PhraseDictionary, code: Segment, next: Segment | undefined, markdown: string): Occurrence[] {
  if (!next || next.atomic || next.block !== code.block || next.start !== code.nodeEnd) return [];
  const inner = tokenize(code.text);
  const first = inner[0];
  const longest = first ? (index.phraseStarts.get(first.stem) ?? 0) : 0;
  if (!first || longest <= inner.length) return [];
  const text = code.text + next.text;
  const tokens = [...inner, ...tokenize(next.text).map((t) => ({ ...t, start: t.start + code.text.length, end: t.end + code.text.length }))];
  const out: Occurrence[] = [];
  for (let length = Math.min(longest, tokens.length); length > inner.length; length--) {
    const key = phraseAt(tokens, text, 0, length);
    const refs = key === null ? undefined : index.phrases.get(key);
    const last = tokens[length - 1];
    if (key === null || !refs || refs.length > MAX_SHARED_NAME || !last) continue;
    const written = text.slice(first.start, last.end);
    for (const ref of refs) {
      // An identifier is never inflected: `partial` function is not the page "Partials functions".
      if (written.toLowerCase().replace(/`/g, '').replace(/\s+/g, ' ') !== ref.text.toLowerCase()) continue;
      out.push({
        pageId: ref.id,
        ref,
        key,
        start: code.nodeStart,
        end: code.nodeEnd,
        anchor: markdown.slice(code.nodeStart, code.nodeEnd),
        block: code.block,
        code: true,
        sameCase: true,
        midCap: false,
        listed: false,
        stems: key.split(' '),
      });
    }
  }
  return out;
}

// Only closing punctuation may follow the name in its list item: "- Netlify", "- `resources.Get`;".
function isWholeItem(seg: Segment, start: number, end: number, markdown: string): boolean {
  return seg.item !== null && start === seg.item[0] && /^[\s.,;:]*$/.test(markdown.slice(end, seg.item[1]));
}

// A capital at the start of a sentence or a title says nothing; case elsewhere does (`Permalink` vs "permalink").
function sameCase(written: string, name: string): boolean {
  return written.slice(1) === name.slice(1) && written.slice(0, 1).toLowerCase() === name.slice(0, 1).toLowerCase();
}

// Code is case-sensitive: `slug` (a front-matter key) is not the `Slug` method, nor `layouts` the `Layout` one.
// A leading `.` or `$` (a method or variable written as called) and surrounding `{{ }}` are not part of the name.
function sameCode(code: string, name: string): boolean {
  return code.replace(/^\{\{-?\s*|\s*-?\}\}$/g, '').replace(/^[.$]/, '') === name;
}
