import { describe, expect, it } from 'vitest';
import { analyseMarkdown } from './analyse-markdown.ts';

const body = `Our **linen shirt** has a loose cut. Mr. Smith wore it in Portland.

## Caring for linen

Wash it cold. It was made to be [washed often](/guides/linen-care) and hung to dry.

![](images/ls-001-front.jpg)

- A list item with *some* words.
`;

describe('analyseMarkdown', () => {
  const a = analyseMarkdown(body, 3);

  it('splits blocks into sentences and words with source positions', () => {
    const first = a.paragraphs[0];
    expect(first?.sentences.map((s) => s.words.length)).toEqual([7, 6]);
    expect(first?.sentences[1]?.place).toEqual({ line: 4, column: 38 });
    expect(a.headings[0]).toMatchObject({ depth: 2, text: 'Caring for linen', place: { line: 6, column: 1 } });
  });

  it('finds links, images, passives and counts words', () => {
    expect(a.links).toEqual([{ url: '/guides/linen-care', text: 'washed often', place: { line: 8, column: 33 } }]);
    expect(a.images).toEqual([{ url: 'images/ls-001-front.jpg', alt: '', place: { line: 10, column: 1 } }]);
    const sentences = a.paragraphs.flatMap((p) => p.sentences);
    expect(sentences.filter((s) => s.passive).map((s) => s.text)).toEqual([
      'It was made to be washed often and hung to dry.',
    ]);
    expect(a.wordCount).toBe(7 + 6 + 3 + 3 + 11 + 6);
  });
});
