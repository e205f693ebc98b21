/**
 * Dates in prose: ISO, "March 3, 2026", "3 March 2026", "March 2026", "11/24/2026".
 * Hand-written on purpose: chrono-node reads "3/4" and "1/2" (fractions in product copy) as dates
 * and skips "March 2026".
 */

/** The parts a date states; a part the text leaves out is absent. */
export type DateParts = { readonly year?: number; readonly month?: number; readonly day?: number };

/** A date found in text, with every reading ("3/4/2026" is March 4 or 3 April). */
export type FoundDate = { readonly start: number; readonly end: number; readonly readings: readonly DateParts[] };

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
const MONTH_SOURCE = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

function monthNumber(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function toParts(year: string | undefined, month: number, day: string | undefined): DateParts | undefined {
  const d = day === undefined ? undefined : Number(day);
  if (month < 1 || month > 12 || (d !== undefined && (d < 1 || d > 31))) return undefined;
  let y = year === undefined ? undefined : Number(year);
  if (y !== undefined && year?.length === 2) y += 2000;
  return { ...(y !== undefined && { year: y }), month, ...(d !== undefined && { day: d }) };
}

type Reader = { readonly re: RegExp; readonly read: (m: RegExpExecArray) => DateParts[] };

const bound = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'giu');

/** Most specific patterns first; later patterns skip text an earlier one took. */
const READERS: readonly Reader[] = [
  { re: bound(String.raw`(\d{4})-(\d{2})-(\d{2})`), read: (m) => [toParts(m[1], Number(m[2]), m[3])].filter(isParts) },
  {
    re: bound(String.raw`(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})`),
    read: (m) => [toParts(m[3], Number(m[1]), m[2]), toParts(m[3], Number(m[2]), m[1])].filter(isParts),
  },
  {
    re: bound(String.raw`(${MONTH_SOURCE})\s+${DAY}(?:,?\s+(\d{4}))?`),
    read: (m) => [toParts(m[3], monthNumber(m[1] ?? ''), m[2])].filter(isParts),
  },
  {
    re: bound(String.raw`${DAY}\s+(?:of\s+)?(${MONTH_SOURCE})(?:,?\s+(\d{4}))?`),
    read: (m) => [toParts(m[3], monthNumber(m[2] ?? ''), m[1])].filter(isParts),
  },
  { re: bound(String.raw`(${MONTH_SOURCE}),?\s+(\d{4})`), read: (m) => [toParts(m[2], monthNumber(m[1] ?? ''), undefined)].filter(isParts) },
];

function isParts(p: DateParts | undefined): p is DateParts {
  return p !== undefined;
}

/** Finds dates in `text`; offsets are into `text`, end exclusive. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken = (start: number, end: number): boolean => found.some((f) => start < f.end && end > f.start);
  for (const { re, read } of READERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const readings = read(m);
      if (readings.length > 0 && !taken(start, end)) found.push({ start, end, readings });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether every part `mention` states is stated, and equal, in `fact`. */
export function dateSupported(mention: DateParts, fact: DateParts): boolean {
  return (
    (mention.year === undefined || mention.year === fact.year) &&
    (mention.month === undefined || mention.month === fact.month) &&
    (mention.day === undefined || mention.day === fact.day)
  );
}
