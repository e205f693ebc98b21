import { describe, expect, it } from 'vitest';
import {
  countKeyphraseMatches,
  isSameKeyphrase,
  parseKeyphrase,
  shareOfKeyphraseWords,
  startsWithKeyphrase,
} from './keyphrase.ts';

describe('keyphrase matching', () => {
  const kp = parseKeyphrase('linen shirt');

  it('matches case, plurals, possessives and word order like Yoast', () => {
    expect(countKeyphraseMatches('Linen Shirts for summer', kp)).toBe(1);
    expect(countKeyphraseMatches("A linen shirt's collar", kp)).toBe(1);
    expect(countKeyphraseMatches('A shirt made of linen', kp)).toBe(1);
    expect(countKeyphraseMatches('A linen shirt beats a cotton shirt, linen wins', kp)).toBe(2);
    expect(countKeyphraseMatches('A cotton shirt', kp)).toBe(0);
  });

  it('drops function words from the keyphrase', () => {
    const howTo = parseKeyphrase('how to choose a linen shirt');
    expect(howTo.stems).toEqual(['choos', 'linen', 'shirt']);
    expect(countKeyphraseMatches('Choosing linen shirts is easy', howTo)).toBe(1);
  });

  it('asks for the exact phrase when quoted', () => {
    const exact = parseKeyphrase('"linen shirt"');
    expect(countKeyphraseMatches('A shirt made of linen', exact)).toBe(0);
    expect(countKeyphraseMatches('A Linen Shirt rack', exact)).toBe(1);
    expect(countKeyphraseMatches('A linen shirts rack', exact)).toBe(0);
  });

  it('finds the keyphrase at the start of a title after function words', () => {
    expect(startsWithKeyphrase('Linen shirts: a summer guide', kp)).toBe(true);
    expect(startsWithKeyphrase('The linen shirt, explained', kp)).toBe(true);
    expect(startsWithKeyphrase('Summer guide to the linen shirt', kp)).toBe(false);
  });

  it('measures word shares and topic identity', () => {
    expect(shareOfKeyphraseWords('Why shirts wrinkle', kp)).toBe(0.5);
    expect(isSameKeyphrase(kp, parseKeyphrase('Linen Shirts'))).toBe(true);
    expect(isSameKeyphrase(kp, parseKeyphrase('linen trousers'))).toBe(false);
  });

  it('matches other languages per word, without stemming or English function words', () => {
    const fr = parseKeyphrase('chemise en lin', 'fr-FR');
    expect(fr.stems).toEqual(['chemise', 'en', 'lin']);
    expect(countKeyphraseMatches('Une chemise légère en lin', fr)).toBe(1);
    expect(countKeyphraseMatches('Des chemises en lin', fr)).toBe(0);
    expect(countKeyphraseMatches('Une CHÉMISE en lin', parseKeyphrase('chémise en lin', 'fr'))).toBe(1);
    expect(startsWithKeyphrase('La chemise en lin', fr)).toBe(false);
  });
});
