import { describe, expect, it } from 'vitest';
import { extractNumbers, type NumberMention } from './extract-numbers.ts';

type WithoutOffsets<T> = T extends unknown ? Omit<T, 'start' | 'end'> : never;

/** Mentions without offsets, for compact expectations. */
function read(text: string): WithoutOffsets<NumberMention>[] {
  return extractNumbers(text).map(({ start: _s, end: _e, ...rest }) => rest as WithoutOffsets<NumberMention>);
}

describe('extractNumbers', () => {
  it('reads every way of writing a price as the same amount', () => {
    for (const [text, currency] of [
      ['$89', '$'],
      ['$89.00', '$'],
      ['89.00 USD', 'USD'],
      ['USD 89', 'USD'],
      ['US$89', 'USD'],
      ['eighty-nine dollars', '$'],
      ['€120', 'EUR'],
      ['89,00 €', 'EUR'],
    ] as const) {
      const [m] = read(`It costs ${text} today.`);
      expect(m, text).toMatchObject({ kind: 'currency', values: [Number(text.match(/120/) ? 120 : 89)], currency, text });
    }
  });

  it('reads thousands separators, decimals and measurements with their units', () => {
    expect(read('A 1,200-word guide and 1200 words.')).toEqual([
      { kind: 'number', values: [1200], text: '1,200' },
      { kind: 'number', values: [1200], text: '1200' },
    ]);
    expect(read('12 oz canvas, a 12-ounce canvas, 160 GSM, 160gsm, 17.5-micron merino, 2 cm, 30 °C')).toEqual([
      { kind: 'measure', values: [12], unit: 'oz', text: '12 oz' },
      { kind: 'measure', values: [12], unit: 'oz', text: '12-ounce' },
      { kind: 'measure', values: [160], unit: 'gsm', text: '160 GSM' },
      { kind: 'measure', values: [160], unit: 'gsm', text: '160gsm' },
      { kind: 'measure', values: [17.5], unit: 'micron', text: '17.5-micron' },
      { kind: 'measure', values: [2], unit: 'cm', text: '2 cm' },
      { kind: 'measure', values: [30], unit: '°c', text: '30 °C' },
    ]);
  });

  it('reads percentages as signs and as words', () => {
    expect(read('30% cooler, 30 percent, 30 per cent, thirty percent, a hundred percent')).toEqual([
      { kind: 'percent', values: [30], text: '30%' },
      { kind: 'percent', values: [30], text: '30 percent' },
      { kind: 'percent', values: [30], text: '30 per cent' },
      { kind: 'percent', values: [30], text: 'thirty percent' },
      { kind: 'percent', values: [100], text: 'hundred percent' },
    ]);
  });

  it('reads both ends of a range and carries the unit across', () => {
    expect(read('men 25-45, $80–$120, 20-30% off, 200 to 250 GSM')).toEqual([
      { kind: 'number', values: [25, 45], text: '25-45' },
      { kind: 'currency', values: [80, 120], currency: '$', text: '$80–$120' },
      { kind: 'percent', values: [20, 30], text: '20-30%' },
      { kind: 'measure', values: [200, 250], unit: 'gsm', text: '200 to 250 GSM' },
    ]);
  });

  it('reads fractions, ordinals and spelled-out numbers', () => {
    expect(read('1/2 inch, 1 1/2 in., 1½ in., the 3rd wash, 21st, one hundred and twenty, twelve hundred, twenty-first, 10k')).toEqual([
      { kind: 'measure', values: [0.5], unit: 'in', text: '1/2 inch' },
      { kind: 'measure', values: [1.5], unit: 'in', text: '1 1/2 in.' },
      { kind: 'measure', values: [1.5], unit: 'in', text: '1½ in.' },
      { kind: 'number', values: [3], text: '3rd' },
      { kind: 'number', values: [21], text: '21st' },
      { kind: 'number', values: [120], text: 'one hundred and twenty' },
      { kind: 'number', values: [1200], text: 'twelve hundred' },
      { kind: 'number', values: [21], text: 'twenty-first' },
      { kind: 'number', values: [10000], text: '10k' },
    ]);
    expect(read('2 million yards, 1.5 thousand dollars')).toEqual([
      { kind: 'measure', values: [2_000_000], unit: 'yd', text: '2 million yards' },
      { kind: 'currency', values: [1500], currency: '$', text: '1.5 thousand dollars' },
    ]);
  });

  it('leaves counting words alone unless they carry a unit, a currency or a percent', () => {
    expect(read('Three reasons, one of the best, a couple of washes, the first wash, a few, a dozen, hundreds of fans, one day, no one, someone.')).toEqual([]);
    expect(read('three ounces, ten percent, five dollars, twelve reasons')).toEqual([
      { kind: 'measure', values: [3], unit: 'oz', text: 'three ounces' },
      { kind: 'percent', values: [10], text: 'ten percent' },
      { kind: 'currency', values: [5], currency: '$', text: 'five dollars' },
      { kind: 'number', values: [12], text: 'twelve' },
    ]);
    expect(extractNumbers('three reasons', { countWordsUpTo: 2 }).map((m) => m.text)).toEqual(['three']);
  });

  it('splits a run of number words into separate numbers', () => {
    expect(read('eleven twelve thirteen').map((m) => (m.kind === 'number' ? m.values[0] : m.kind))).toEqual([11, 12, 13]);
  });

  it('reads dates in common formats with the parts they state', () => {
    const dates = read('2026-11-24, November 24, 2026, Nov. 24, 24 November 2026, the 24th of November, March 2026, 11/24/2026');
    expect(dates.map((d) => (d.kind === 'date' ? d.readings : d.kind))).toEqual([
      [{ year: 2026, month: 11, day: 24 }],
      [{ year: 2026, month: 11, day: 24 }],
      [{ month: 11, day: 24 }],
      [{ year: 2026, month: 11, day: 24 }],
      [{ month: 11, day: 24 }],
      [{ year: 2026, month: 3 }],
      [{ year: 2026, month: 11, day: 24 }],
    ]);
    expect(read('3/4/2026')).toEqual([
      { kind: 'date', text: '3/4/2026', readings: [{ year: 2026, month: 3, day: 4 }, { year: 2026, month: 4, day: 3 }] },
    ]);
  });

  it('reads identifiers and times as literals and skips URLs, paths and e-mail addresses', () => {
    expect(read('SKU LS-001 at 10:30, call 207-555-0134, size 2XL')).toEqual([
      { kind: 'literal', text: 'LS-001' },
      { kind: 'literal', text: '10:30' },
      { kind: 'literal', text: '207-555-0134' },
      { kind: 'literal', text: '2XL' },
    ]);
    expect(read('See https://example.com/p/123?x=5, www.shop2.com, shop2.harborandpine.com/p/7, /collections/linen-2026 and help24@example.com.')).toEqual([]);
  });

  it('reports offsets into the text', () => {
    const [m] = extractNumbers('Now 30% cooler.');
    expect(m).toMatchObject({ start: 4, end: 7, text: '30%' });
  });
});
