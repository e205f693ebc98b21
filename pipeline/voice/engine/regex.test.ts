/** Go (regexp2) pattern syntax translated to JavaScript. */
import { describe, expect, it } from 'vitest';
import { compileValeRegex, translateRegex } from './regex.ts';

const matches = (pattern: string, text: string): string[] => text.match(compileValeRegex(pattern)) ?? [];

describe('translateRegex', () => {
  it('leading inline flags become RegExp flags', () => {
    expect(translateRegex('(?i)(?m)\\bfoo$')).toEqual({ source: '\\bfoo$', flags: new Set(['i', 'm']) });
  });
  it('a mid-pattern (?i) folds the rest of its group; (?-i) turns it off again', () => {
    expect(matches('\\b(?:(?-i)API|(?i)gsm)\\b', 'api API GSM gsm')).toEqual(['API', 'GSM', 'gsm']);
    expect(matches('a(?i:b)c', 'abc aBc aBC')).toEqual(['abc', 'aBc']);
    expect(matches('x(?i)[a-c]y', 'xAY xby xdy')).toEqual(['xAY', 'xby']);
  });
  it('\\A, \\z, POSIX classes and (?P<name>…)', () => {
    expect(matches('\\Afoo', 'foo foo')).toEqual(['foo']);
    expect(matches('bar\\z', 'bar bar')).toEqual(['bar']);
    expect(matches('[[:digit:]]+', 'a12b3')).toEqual(['12', '3']);
    expect(compileValeRegex('(?P<word>\\w+)').exec('hi')?.groups?.['word']).toBe('hi');
  });
  it('Unicode property escapes and lookbehind work', () => {
    expect(matches('\\p{Lu}\\p{Ll}+', 'Éclair and Ünder')).toEqual(['Éclair', 'Ünder']);
    expect(matches('(?<=\\d )oz', '12 oz and oz')).toEqual(['oz']);
  });
  it('an invalid pattern throws a RuleRegexError naming it', () => {
    expect(() => compileValeRegex('(unclosed')).toThrow(/Invalid pattern `\(unclosed`/);
  });
});
