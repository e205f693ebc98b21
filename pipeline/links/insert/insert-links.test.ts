import { describe, expect, it } from 'vitest';
import { insertLinks } from './insert-links.ts';

const SOURCE = [
  '# Title',
  '',
  'Linen *breathes*,   and  **linen** softens &amp; lasts.\\',
  'A hard break above; a [link](/x "t") here.',
  '',
  '| fabric | weight |',
  '|:------ | -----: |',
  '| linen  | 160 GSM |',
  '',
  '- [ ] merino crew',
  '- `strings.Truncate` in code',
  '',
  '<div>raw html linen</div>',
  '',
  'Footnote[^1] and trailing spaces   ',
  '',
  '[^1]: A note about linen.',
  '',
].join('\r\n');

function unwrap(md: string, placed: ReturnType<typeof insertLinks>['placed']): string {
  let out = md;
  for (const p of [...placed].sort((a, b) => b.placedStart - a.placedStart)) {
    const link = out.slice(p.placedStart, p.placedEnd);
    const text = link.slice(1, link.lastIndexOf(']('));
    out = out.slice(0, p.placedStart) + text + out.slice(p.placedEnd);
  }
  return out;
}

describe('insertLinks', () => {
  it('changes nothing but the link syntax around each anchor (byte-identical round trip)', () => {
    const at = (needle: string, from = 0) => {
      const start = SOURCE.indexOf(needle, from);
      return { start, end: start + needle.length };
    };
    const edits = [
      { ...at('Linen'), url: '/journal/linen/' },
      { ...at('merino crew'), url: '/products/pine-ridge-merino-crew/' },
      { ...at('`strings.Truncate`'), url: '/functions/strings/truncate/' },
      { ...at('160 GSM'), url: '/guides/fabric weight (gsm)/' },
    ];
    const result = insertLinks(SOURCE, edits);
    expect(result.skipped).toEqual([]);
    expect(result.placed).toHaveLength(4);
    expect(unwrap(result.markdown, result.placed)).toBe(SOURCE);
    expect(result.markdown).toContain('[Linen](/journal/linen/) *breathes*');
    expect(result.markdown).toContain('[`strings.Truncate`](/functions/strings/truncate/)');
    expect(result.markdown).toContain('[160 GSM](<'); // a destination with spaces is wrapped in <…>
    const line = result.markdown.split('\r\n')[2] ?? '';
    expect(result.placed[0]).toMatchObject({ line: 3, column: 1 });
    expect(line.startsWith('[Linen]')).toBe(true);
  });

  it('leaves out an edit that would not come out as one link', () => {
    const md = 'Use [brackets and linen here.\n';
    const start = md.indexOf('[brackets');
    const result = insertLinks(md, [{ start, end: start + 9, url: '/x/' }]);
    expect(result.markdown).toBe(md);
    expect(result.skipped).toHaveLength(1);
  });
});
