/** Offsets to Vale positions: 1-based line, 1-based column counted in code points (Go runes). */

export type Locator = (offset: number) => { line: number; column: number };

/** Builds a locator over `source`. */
export function createLocator(source: string): Locator {
  const starts = [0];
  for (let i = 0; i < source.length; i += 1) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo] as number;
    let column = 1;
    for (let i = lineStart; i < offset; i += 1) {
      const code = source.charCodeAt(i);
      // A surrogate pair is one rune: count only its high half.
      if (code < 0xdc00 || code > 0xdfff) column += 1;
    }
    return { line: lo + 1, column };
  };
}
