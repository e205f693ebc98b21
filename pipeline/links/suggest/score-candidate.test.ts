import { describe, expect, it } from 'vitest';
import { scoreSignals, type Signals } from './score-candidate.ts';

const base: Signals = {
  specificity: 0.8,
  relatedness: 0,
  rank: 0,
  nameMatch: 1,
  form: 1,
  code: false,
  properName: false,
  listed: false,
  words: 1,
  sharedBy: 1,
  mentions: 1,
  context: 0.4,
};
const logit = (p: number): number => Math.log(p / (1 - p));
const gain = (a: Partial<Signals>, b: Partial<Signals>): number => logit(scoreSignals({ ...base, ...b })) - logit(scoreSignals({ ...base, ...a }));

describe('scoreSignals', () => {
  it('weighs a second word less when the page is not related to the draft (stock phrases)', () => {
    const unrelated = gain({ words: 1 }, { words: 2 });
    const related = gain({ words: 1, rank: 30 }, { words: 2, rank: 30 });
    expect(unrelated).toBeGreaterThan(0);
    expect(unrelated).toBeLessThan(related);
    expect(gain({ words: 1 }, { words: 3 })).toBeGreaterThan(related);
  });

  it('takes a code span as strong evidence only when written exactly as the name', () => {
    expect(gain({ code: true, form: 0 }, { code: true, form: 1 })).toBeGreaterThan(gain({ form: 0 }, { form: 1 }));
  });

  it('scores a whole list item above the same name in prose', () => {
    expect(gain({}, { listed: true })).toBeGreaterThan(0);
  });
});
