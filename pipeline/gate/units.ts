/** Units, currencies and percent words the number extractor recognises, with their normal forms. */

/** Unit key → spellings (regex sources, matched case-insensitively after a number). */
const UNIT_SPELLINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['gsm', ['gsm', 'g/m2', 'g/m²', 'grams? per square met(?:er|re)', 'g per square met(?:er|re)']],
  ['oz', ['oz\\.?', 'ounces?']],
  ['micron', ['microns?', 'µm', 'μm', 'micromet(?:er|re)s?']],
  ['mm', ['mm', 'millimet(?:er|re)s?']],
  ['cm', ['cm', 'centimet(?:er|re)s?']],
  ['m', ['m', 'met(?:er|re)s?']],
  ['km', ['km', 'kilomet(?:er|re)s?']],
  ['kg', ['kg', 'kilo(?:gram)?s?']],
  ['g', ['g', 'grams?']],
  ['lb', ['lbs?\\.?', 'pounds?']],
  ['in', ['in\\.', 'inch(?:es)?', '"', '″']],
  ['ft', ['ft\\.?', 'feet', 'foot']],
  ['yd', ['yds?\\.?', 'yards?']],
  ['ml', ['ml', 'millilit(?:er|re)s?']],
  ['°c', ['°\\s?c', 'degrees? c(?:elsius)?']],
  ['°f', ['°\\s?f', 'degrees? f(?:ahrenheit)?']],
  ['°', ['°', 'degrees?']],
  ['minute', ['minutes?', 'mins?']],
  ['hour', ['hours?', 'hrs?']],
  ['day', ['days?']],
  ['week', ['weeks?']],
  ['month', ['months?']],
  ['year', ['years?', 'yrs?']],
  ['x', ['x', '×', 'times']],
];

/** Regex source matching any unit spelling, longest first. */
export const UNIT_SOURCE = UNIT_SPELLINGS.flatMap(([, s]) => s)
  .sort((a, b) => b.length - a.length)
  .join('|');

const unitMatchers = UNIT_SPELLINGS.map(
  ([key, spellings]) => [key, new RegExp(`^(?:${spellings.join('|')})$`, 'i')] as const,
);

/** Normalises a unit as written ("ounces", "GSM", "µm") to its key (`oz`, `gsm`, `micron`). */
export function normaliseUnit(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  for (const [key, re] of unitMatchers) if (re.test(text)) return key;
  return text.toLowerCase();
}

/** Currency symbols and codes written before an amount. */
export const CURRENCY_PREFIX_SOURCE = String.raw`(?:US\$|C\$|A\$|NZ\$|[$€£]|(?:USD|EUR|GBP|CAD|AUD)\s?)`;
/** Currency codes and words written after an amount. */
export const CURRENCY_SUFFIX_SOURCE = String.raw`(?:USD|EUR|GBP|CAD|AUD|dollars?|bucks|euros?|pounds sterling|[€£])`;
/** Percent as a sign or a word. */
export const PERCENT_SOURCE = String.raw`(?:%|percent\b|per\s?cent\b)`;

/** `$` (or "dollars") is any dollar currency; other marks name one currency. */
export const DOLLAR = '$';
const DOLLAR_CODES = new Set(['USD', 'CAD', 'AUD', 'NZD']);

/** Normalises a currency mark ("US$", "dollars", "€", "usd") to an ISO code, or `$` when ambiguous. */
export function normaliseCurrency(raw: string): string {
  const mark = raw.trim().toUpperCase();
  if (mark === '$' || mark.startsWith('DOLLAR') || mark === 'BUCKS') return DOLLAR;
  if (mark === 'US$') return 'USD';
  if (mark === 'C$') return 'CAD';
  if (mark === 'A$') return 'AUD';
  if (mark === 'NZ$') return 'NZD';
  if (mark === '€' || mark.startsWith('EURO')) return 'EUR';
  if (mark === '£' || mark.startsWith('POUNDS')) return 'GBP';
  return mark;
}

/** Whether two currency marks can name the same currency (`$` matches any dollar code). */
export function currenciesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  if (a === DOLLAR) return DOLLAR_CODES.has(b);
  if (b === DOLLAR) return DOLLAR_CODES.has(a);
  return false;
}
