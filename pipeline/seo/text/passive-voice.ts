/**
 * English passive voice, the way Yoast's English researcher finds it: a form of "be" or "get"
 * followed (possibly after an adverb or "not") by a past participle, regular (-ed) or irregular.
 */

const AUXILIARIES: ReadonlySet<string> = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being',
  'get', 'gets', 'got', 'gotten', 'getting',
  "isn't", "aren't", "wasn't", "weren't", "it's", "that's", "he's", "she's", "they're", "we're", "you're", "i'm",
]);

// Words that may stand between the auxiliary and the participle ("is often washed", "was not made").
const INTERVENING: ReadonlySet<string> = new Set(['not', 'never', 'also', 'often', 'always', 'usually', 'still', 'already', 'then', 'just', 'rarely', 'sometimes', 'all', 'both']);

const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(
  `arisen awoken borne born beaten become begun bent bet bid bitten bled blown broken bred brought built burnt
  burst bought cast caught chosen clung come cost crept cut dealt dug dived done drawn dreamt drunk driven eaten
  fallen fed felt fought found fled flung flown forbidden forecast forgotten forgiven frozen given gone ground
  grown hung heard hidden hit held hurt kept knelt knit known laid led leant leapt learnt left lent let lain lit
  lost made meant met mistaken mown overcome paid proven put quit read rid ridden rung risen run sawn said seen
  sought sold sent set sewn shaken shed shone shot shown shrunk shut sung sunk sat slain slept slid slit smelt
  sown spoken sped spent spilt spun spat split spoilt spread sprung stood stolen stuck stung stunk strewn
  struck strung striven sworn swept swollen swum swung taken taught torn told thought thrown thrust trodden
  understood undertaken upset woken worn woven wed wept won wound withdrawn withheld wrung written`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

// Words ending in -ed that are not participles.
const NOT_PARTICIPLES: ReadonlySet<string> = new Set(
  `bed red shed need feed seed speed weed breed creed greed deed reed steed sled fled bred led wed bled fed sped
  hundred indeed succeed proceed exceed embed naked wicked sacred rugged ragged crooked jagged beloved learned aged
  shred freed treed`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** True when a word looks like a past participle. */
export function isParticiple(word: string): boolean {
  const w = word.toLowerCase().replace(/^.*-/, '');
  if (IRREGULAR_PARTICIPLES.has(w)) return true;
  return w.length > 3 && w.endsWith('ed') && !NOT_PARTICIPLES.has(w);
}

/** True when a sentence (its words, in order) holds a passive construction. */
export function isPassiveSentence(words: readonly string[]): boolean {
  const lower = words.map((w) => w.toLowerCase().replace(/’/g, "'"));
  for (let i = 0; i < lower.length; i += 1) {
    if (!AUXILIARIES.has(lower[i] ?? '')) continue;
    for (let j = i + 1; j < Math.min(lower.length, i + 4); j += 1) {
      const word = lower[j] ?? '';
      if (isParticiple(word)) return true;
      if (!INTERVENING.has(word) && !word.endsWith('ly')) break;
    }
  }
  return false;
}
