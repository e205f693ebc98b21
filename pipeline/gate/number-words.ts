/** Spelled-out English numbers: "eighty-nine", "one hundred and twenty", "twenty-first". */

const UNIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const UNIT_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const TENS_ORDINALS: Readonly<Record<string, number>> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70,
  eightieth: 80, ninetieth: 90,
};
const SCALE_ORDINALS: Readonly<Record<string, number>> = { hundredth: 100, thousandth: 1000, millionth: 1_000_000 };

/** Every number word, longest first, as a regex alternation source. */
export const NUMBER_WORD_SOURCE = [
  ...Object.keys(UNIT_WORDS), ...Object.keys(TENS_WORDS), ...Object.keys(SCALE_WORDS),
  ...Object.keys(UNIT_ORDINALS), ...Object.keys(TENS_ORDINALS), ...Object.keys(SCALE_ORDINALS),
]
  .sort((a, b) => b.length - a.length)
  .join('|');

type WordClass = 'unit' | 'tens' | 'scale';

/** One word of a run, with its offset relative to the run. */
export type NumberWord = { readonly word: string; readonly start: number; readonly end: number };

/** A number read from consecutive number words. */
export type SpelledNumber = {
  readonly value: number;
  readonly ordinal: boolean;
  /** Offsets in the run, end exclusive. */
  readonly start: number;
  readonly end: number;
};

function classifyWord(word: string): { cls: WordClass; value: number; ordinal: boolean } | undefined {
  const w = word.toLowerCase();
  const tables: ReadonlyArray<[Readonly<Record<string, number>>, WordClass, boolean]> = [
    [UNIT_WORDS, 'unit', false], [TENS_WORDS, 'tens', false], [SCALE_WORDS, 'scale', false],
    [UNIT_ORDINALS, 'unit', true], [TENS_ORDINALS, 'tens', true], [SCALE_ORDINALS, 'scale', true],
  ];
  for (const [table, cls, ordinal] of tables) {
    const value = table[w];
    if (value !== undefined) return { cls, value, ordinal };
  }
  return undefined;
}

/** Whether `next` may continue a number whose last word was of class `prev` ("eighty" then "nine"). */
function canFollow(prev: WordClass, prevValue: number, next: WordClass, nextValue: number): boolean {
  if (prev === 'tens') return next === 'unit' && nextValue < 10 && nextValue > 0 || next === 'scale';
  if (prev === 'unit') return next === 'scale' && prevValue > 0;
  return next !== 'scale' || nextValue > prevValue;
}

/**
 * Splits a run of number words ("twenty two hundred", "one two three") into numbers.
 * An ordinal word ends a number; "and" between words is dropped by the caller.
 */
export function parseNumberWords(words: readonly NumberWord[]): SpelledNumber[] {
  const out: SpelledNumber[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    const firstClass = first && classifyWord(first.word);
    if (!first || !firstClass) {
      i += 1;
      continue;
    }
    let total = 0;
    let current = 0;
    let prev: { cls: WordClass; value: number } | undefined;
    let ordinal = false;
    let end = first.end;
    let j = i;
    for (; j < words.length; j += 1) {
      const w = words[j];
      const c = w && classifyWord(w.word);
      if (!w || !c) break;
      if (prev && !canFollow(prev.cls, prev.value, c.cls, c.value)) break;
      if (c.cls === 'scale') {
        if (c.value === 100) current = (current || 1) * 100;
        else {
          total += (current || 1) * c.value;
          current = 0;
        }
      } else current += c.value;
      prev = c;
      end = w.end;
      if (c.ordinal) {
        ordinal = true;
        j += 1;
        break;
      }
    }
    out.push({ value: total + current, ordinal, start: first.start, end });
    i = Math.max(j, i + 1);
  }
  return out;
}
