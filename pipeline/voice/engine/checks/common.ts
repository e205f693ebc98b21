/** Helpers every check shares: messages, exceptions, actions, Vale's regex templates. */
import { compileValeRegex, translateRegex } from '../regex.ts';
import type { RawAlert, RuleAction } from '../types.ts';

export const WORD_TEMPLATE = (body: string): string => `(?m)\\b(?:${body})\\b`;
export const NONWORD_TEMPLATE = (body: string): string => `(?m)(?:${body})`;

/** Go's `Sprintf` for `%s` only; missing arguments become empty strings. */
export function formatValeMessage(message: string, ...subs: readonly string[]): string {
  let index = 0;
  const filled = message.replace(/%(?:\[(\d+)\])?s|%%/g, (spec: string, position?: string) => {
    if (spec === '%%') return '%';
    const sub = position ? subs[Number(position) - 1] : subs[index++];
    return sub ?? '';
  });
  return filled.replace(/\n/g, ' ').replace(/ +/g, ' ');
}

/** Vale's `ToSentence`: `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`. */
export function toSentence(words: readonly string[], conjunction = 'or'): string {
  if (words.length === 1) return `'${words[0]}'`;
  if (words.length === 2) return `'${words[0]}' or '${words[1]}'`;
  const quoted = words.map((w) => `'${w}'`);
  quoted[quoted.length - 1] = `${conjunction} ${quoted[quoted.length - 1]}`;
  return quoted.join(', ');
}

/** Upper-cases the first character. */
export function capFirst(s: string): string {
  return s === '' ? s : (s[0] as string).toUpperCase() + s.slice(1);
}

/**
 * Exceptions as Vale builds them: `\b(?:…)\b` over the terms, longest first, each case-sensitive
 * unless it starts with `(?i)`; the observed text is excepted when the pattern occurs in it.
 */
export function createExceptionTest(exceptions: readonly string[], accepted: readonly string[], vocab: boolean): (s: string) => boolean {
  const terms = [...exceptions, ...(vocab ? accepted : [])].filter((t) => t !== '');
  if (terms.length === 0) return () => false;
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const body = sorted
    .map((t) => (t.startsWith('(?i)') ? t : `(?-i)${t}`))
    .join('|');
  const re = compileValeRegex(WORD_TEMPLATE(body));
  return (s) => {
    re.lastIndex = 0;
    return re.test(s);
  };
}

/** Applies a rule's `action` to a match, as Vale's fixers do. */
export function applyAction(action: RuleAction, match: string): string[] {
  const [first, second, third] = action.params;
  switch (action.name) {
    case 'replace':
      return [...action.params];
    case 'remove':
      return [''];
    case 'convert':
      return [first === 'simple' ? toSimpleCase(match) : match];
    case 'edit': {
      let edited = match;
      if (first === 'regex' && second !== undefined && third !== undefined) {
        const { source, flags } = translateRegex(second);
        edited = match.replace(new RegExp(source, [...flags, 'g'].join('')), third);
      } else if (first === 'trim_right' && second !== undefined) edited = trimChars(match, second, 'right');
      else if (first === 'trim_left' && second !== undefined) edited = trimChars(match, second, 'left');
      else if (first === 'trim' && second !== undefined) edited = trimChars(match, second, 'both');
      else if (first === 'truncate' && second !== undefined) edited = match.split(second)[0] ?? match;
      else if (first === 'split' && second !== undefined && third !== undefined) edited = match.split(second)[Number(third)] ?? match;
      return [edited.trim()];
    }
    default:
      return [];
  }
}

function trimChars(s: string, chars: string, side: 'left' | 'right' | 'both'): string {
  const set = new Set([...chars]);
  let start = 0;
  let end = s.length;
  if (side !== 'right') while (start < end && set.has(s[start] as string)) start += 1;
  if (side !== 'left') while (end > start && set.has(s[end - 1] as string)) end -= 1;
  return s.slice(start, end);
}

/** twine's `strcase.Simple`: split camelCase and punctuation into lower-case words. */
function toSimpleCase(s: string): string {
  let out = '';
  let previous = ' ';
  [...s].forEach((c, i) => {
    const alpha = /[\p{L}\p{N}]/u.test(c);
    const camel = i > 1 && /\p{Ll}/u.test(previous) && /\p{Lu}/u.test(c);
    if (camel || !alpha || (/\s/.test(c) && c !== ' ')) out += ' ';
    if (alpha || c === ' ') out += c.toLowerCase();
    previous = c;
  });
  return out.trim().replace(/ +/g, ' ');
}

/** Builds an alert the way Vale's `makeAlert` does: `%s` is the match, then the action's fix. */
export function makeRawAlert(message: string, action: RuleAction | undefined, text: string, start: number, end: number): RawAlert {
  const match = text.slice(start, end);
  if (action && action.name !== '' && action.name !== 'suggest') {
    const fixed = applyAction(action, match);
    const repl = fixed.length === 1 ? (fixed[0] as string) : fixed.length > 1 ? toSentence(fixed) : match;
    return { start, end, match, action, message: formatValeMessage(message, match, repl) };
  }
  return action ? { start, end, match, action, message: formatValeMessage(message, match) } : { start, end, match, message: formatValeMessage(message, match) };
}

/** All matches of a global RegExp, skipping empty ones. */
export function* matchAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    yield m;
  }
}
