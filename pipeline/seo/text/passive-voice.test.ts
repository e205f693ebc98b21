import { describe, expect, it } from 'vitest';
import { isPassiveSentence } from './passive-voice.ts';

const words = (s: string) => s.split(/\s+/);

describe('isPassiveSentence', () => {
  it('finds regular and irregular passives, with adverbs in between', () => {
    expect(isPassiveSentence(words('The shirt is garment-washed before it ships'))).toBe(true);
    expect(isPassiveSentence(words('Each jacket was made in Maine'))).toBe(true);
    expect(isPassiveSentence(words('The canvas is carefully woven'))).toBe(true);
    expect(isPassiveSentence(words('It was not sewn by machine'))).toBe(true);
  });

  it('leaves active sentences alone', () => {
    expect(isPassiveSentence(words('We wash every shirt before it ships'))).toBe(false);
    expect(isPassiveSentence(words('The shirt is red'))).toBe(false);
    expect(isPassiveSentence(words('Linen is a good fabric for summer'))).toBe(false);
  });
});
