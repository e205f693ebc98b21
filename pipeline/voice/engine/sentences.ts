/** Sentence segmentation (parse-english, the retext parser) with offsets into the text. */
import { ParseEnglish } from 'parse-english';

const parser = new ParseEnglish();

const memo = new Map<string, ReadonlyArray<readonly [number, number]>>();
const MEMO_LIMIT = 5000;

/** Splits text into trimmed sentences, as `[start, end)` ranges (memoised: paragraphs recur in the summary). */
export function splitSentences(text: string): ReadonlyArray<readonly [number, number]> {
  const known = memo.get(text);
  if (known) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const ranges = segment(text);
  memo.set(text, ranges);
  return ranges;
}

function segment(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  const tree = parser.parse(text);
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      let start = sentence.position?.start.offset ?? 0;
      let end = sentence.position?.end.offset ?? 0;
      while (start < end && /\s/.test(text[start] as string)) start += 1;
      while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
      if (end > start) ranges.push([start, end]);
    }
  }
  return ranges;
}
