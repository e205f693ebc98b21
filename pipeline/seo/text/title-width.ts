/** Pixel width of a title as Google shows it: Arial Regular at 20 px. */
import { ARIAL_ADVANCE_WIDTHS, ARIAL_UNITS_PER_EM } from './arial-widths.ts';

/** Google's desktop title font size, in px. */
export const TITLE_FONT_PX = 20;

// Characters missing from the table: CJK and other wide scripts take a full em, the rest an
// average lowercase letter ("o"), which errs on the wide side for Latin text.
const FULL_EM_FROM = 0x2e80;
const FALLBACK_UNITS = ARIAL_ADVANCE_WIDTHS.get(0x6f) ?? 1139;

/** Advance width of one character in font units. */
function measureCharUnits(codePoint: number): number {
  const known = ARIAL_ADVANCE_WIDTHS.get(codePoint);
  if (known !== undefined) return known;
  if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint < 0x370)) return 0; // controls, combining marks
  return codePoint >= FULL_EM_FROM ? ARIAL_UNITS_PER_EM : FALLBACK_UNITS;
}

/** Width of `text` in px in Arial at `fontPx` (default: `20`, Google's title size), unrounded. */
export function measureTitleWidth(text: string, fontPx = TITLE_FONT_PX): number {
  let units = 0;
  for (const ch of text.normalize('NFC')) units += measureCharUnits(ch.codePointAt(0) ?? 0);
  return (units * fontPx) / ARIAL_UNITS_PER_EM;
}

/**
 * Longest prefix of `text` ending at a word boundary whose width is at most `maxPx`,
 * without trailing punctuation or dangling separators. Returns `text` when it already fits.
 */
export function cutToWidth(text: string, maxPx: number, fontPx = TITLE_FONT_PX): string {
  if (measureTitleWidth(text, fontPx) <= maxPx) return text;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  let best = '';
  for (let i = 1; i <= words.length; i += 1) {
    const candidate = trimDangling(words.slice(0, i).join(' '));
    if (measureTitleWidth(candidate, fontPx) > maxPx) break;
    best = candidate;
  }
  return best;
}

/** Drops separators and punctuation a cut can leave at the end (`Linen shirt: how to |`). */
export function trimDangling(text: string): string {
  return text.replace(/[\s:;,|–—\-/&(]+$/u, '').replace(/\s+(?:and|or|the|a|an|of|for|to|with|in|on)$/iu, '').trim();
}
