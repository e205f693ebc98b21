/** Sentence segmentation (parse-english, the retext parser) with offsets into the text. */
import { ParseEnglish } from 'parse-english';

const parser = new ParseEnglish();

/** Splits text into trimmed sentences, as `[start, end)` ranges. */
export function splitSentences(text: string): Array<readonly [number, number]> {
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
