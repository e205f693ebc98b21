import { describe, expect, it } from 'vitest';
import { cutToWidth, measureTitleWidth } from './title-width.ts';

describe('measureTitleWidth', () => {
  it('uses Arial advance widths at 20 px, not character counts', () => {
    // "i" is 455 units, "W" 1933 units (Arial, 2048 units per em).
    expect(measureTitleWidth('iiii')).toBeCloseTo((4 * 455 * 20) / 2048, 5);
    expect(measureTitleWidth('WWWW')).toBeCloseTo((4 * 1933 * 20) / 2048, 5);
    expect(measureTitleWidth('WWWW')).toBeGreaterThan(measureTitleWidth('iiii') * 4);
  });

  it('measures a typical title in a plausible range', () => {
    const width = measureTitleWidth('Linen shirt guide: weights, fit, care');
    expect(width).toBeGreaterThan(300);
    expect(width).toBeLessThan(400);
  });

  it('gives wide scripts a full em per character', () => {
    expect(measureTitleWidth('亚麻')).toBe(40);
  });
});

describe('cutToWidth', () => {
  it('cuts at a word boundary within the limit and drops dangling separators', () => {
    const title = 'Linen shirt: how to choose one for a hot summer in the city, with notes on weight, weave, fit and care';
    const cut = cutToWidth(title, 300);
    expect(measureTitleWidth(cut)).toBeLessThanOrEqual(300);
    expect(title.startsWith(cut)).toBe(true);
    expect(cut).not.toMatch(/[\s:,]$/);
  });

  it('keeps a title that fits', () => {
    expect(cutToWidth('Linen shirt care', 600)).toBe('Linen shirt care');
  });
});
