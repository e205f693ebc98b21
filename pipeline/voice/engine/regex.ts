/** Translates Vale's regular expressions (Go regexp2, RE2-flavoured) into JavaScript RegExps. */

export class RuleRegexError extends Error {
  override readonly name = 'RuleRegexError';
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  punct: '!-\\/:-@\\[-`{-~',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
};

type Translation = { readonly source: string; readonly flags: Set<string> };

/**
 * Rewrites Go-only syntax: inline flag groups (`(?i)`, `(?m)`, `(?-i)`, `(?i:…)`), `\A`, `\z`,
 * POSIX classes and named groups `(?P<name>…)`. A mid-pattern `(?i)` folds the case of the rest
 * of its group by hand, since JavaScript on Node 20 has no inline modifiers.
 */
export function translateRegex(pattern: string, baseFlags = ''): Translation {
  const flags = new Set(baseFlags.split('').filter(Boolean));
  let out = '';
  // Stack of "fold case" states per group depth.
  const foldStack: boolean[] = [false];
  let fold = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'A') {
        out += '^';
        i += 2;
        continue;
      }
      if (next === 'z' || next === 'Z') {
        out += '$(?![\\s\\S])';
        i += 2;
        continue;
      }
      const escape = readEscape(pattern, i);
      out += escape;
      i += escape.length;
      continue;
    }
    if (ch === '[') {
      const end = findClassEnd(pattern, i);
      let cls = pattern.slice(i, end + 1).replace(/\[:(\^?)([a-z]+):\]/g, (whole, neg: string, name: string) => {
        const body = POSIX_CLASSES[name];
        if (body === undefined) return whole;
        return neg ? `^${body}` : body;
      });
      if (fold) cls = foldClass(cls);
      out += cls;
      i = end + 1;
      continue;
    }
    if (ch === '(' && pattern[i + 1] === '?') {
      const flagGroup = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(\)|:)/.exec(pattern.slice(i));
      if (flagGroup && (flagGroup[1] !== '' || flagGroup[2] !== undefined)) {
        const on = flagGroup[1] ?? '';
        const off = flagGroup[2] ?? '';
        const isGroup = flagGroup[3] === ':';
        for (const f of on) if (f === 'm' || f === 's') flags.add(f);
        let nextFold: boolean = fold;
        if (on.includes('i')) {
          if (out === '' && !isGroup && foldStack.length === 1) flags.add('i');
          else if (!flags.has('i')) nextFold = true;
        }
        if (off.includes('i')) nextFold = false;
        if (isGroup) {
          out += '(?:';
          foldStack.push(fold);
          fold = nextFold;
        } else {
          fold = nextFold;
        }
        i += flagGroup[0].length;
        continue;
      }
      if (pattern.startsWith('(?P<', i)) {
        out += '(?<';
        i += 4;
        foldStack.push(fold);
        continue;
      }
      foldStack.push(fold);
      out += '(?';
      i += 2;
      continue;
    }
    if (ch === '(') {
      foldStack.push(fold);
      out += ch;
      i += 1;
      continue;
    }
    if (ch === ')') {
      fold = foldStack.length > 1 ? (foldStack.pop() as boolean) : fold;
      out += ch;
      i += 1;
      continue;
    }
    if (fold && /[a-zA-Z]/.test(ch)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return { source: out, flags };
}

function readEscape(pattern: string, start: number): string {
  const next = pattern[start + 1] ?? '';
  if ((next === 'p' || next === 'P') && pattern[start + 2] === '{') {
    const close = pattern.indexOf('}', start);
    return close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2);
  }
  if (next === 'x' && pattern[start + 2] === '{') {
    const close = pattern.indexOf('}', start);
    return close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2);
  }
  return pattern.slice(start, start + 2);
}

function findClassEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close > 0) {
        i = close + 2;
        continue;
      }
    }
    if (ch === ']') return i;
    i += 1;
  }
  throw new RuleRegexError(`Unterminated character class in \`${pattern}\``);
}

function foldClass(cls: string): string {
  const letters = new Set<string>();
  const body = cls.slice(1, -1);
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (/[a-zA-Z]/.test(ch)) letters.add(ch);
  }
  const extra = [...letters].map((l) => (l === l.toLowerCase() ? l.toUpperCase() : l.toLowerCase())).join('');
  return `[${body}${extra}]`;
}

/** Compiles a Vale pattern to a global RegExp (`g` plus translated flags). */
export function compileValeRegex(pattern: string, baseFlags = ''): RegExp {
  const { source, flags } = translateRegex(pattern, baseFlags);
  flags.add('g');
  const needsUnicode = /\\[pP]\{/.test(source);
  const attempts = needsUnicode ? [[...flags, 'u'], [...flags]] : [[...flags], [...flags, 'u']];
  let lastError: unknown;
  for (const attempt of attempts) {
    try {
      return new RegExp(source, attempt.join(''));
    } catch (error) {
      lastError = error;
    }
  }
  throw new RuleRegexError(`Invalid pattern \`${pattern}\`: ${(lastError as Error).message}`, { cause: lastError });
}

/** Escapes a literal string for use inside a RegExp. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
