import { describe, expect, it } from 'vitest';
import type { DraftDoc } from '../document.ts';
import { makeShirtBrief } from './__fixtures__/harbor-pine.ts';
import { reviewDoc } from './review-doc.ts';

function makeDoc(overrides: Partial<DraftDoc> = {}): DraftDoc {
  const brief = makeShirtBrief();
  return {
    job: { id: brief.id, brief, target: 'static', hash: 'h' },
    title: 'Seaside Linen Shirt',
    markdown: 'Cut from 100% European flax linen at 160 GSM, for $89.',
    description: 'A 160 GSM linen shirt from Harbor & Pine.',
    tags: ['linen'],
    model: 'offline',
    flags: [],
    stages: {},
    fields: {},
    ...overrides,
  };
}

describe('reviewDoc', () => {
  it('returns the same document when nothing needs a human', () => {
    const doc = makeDoc();
    expect(reviewDoc(doc)).toBe(doc);
  });

  it('appends the gate’s flags, checks title and fields, and never adds a flag twice', () => {
    const doc = makeDoc({
      title: 'Seaside Linen Shirt: 5 reasons',
      markdown: 'Now $79.',
      fields: { seo_title: 'Linen shirt, 40% cooler' },
      flags: [{ rule: 'review/truncated', severity: 'error', message: 'The model ran out of tokens' }],
    });
    const reviewed = reviewDoc(doc);
    expect(reviewed.flags.map((f) => [f.rule, f.message, f.line])).toEqual([
      ['review/truncated', 'The model ran out of tokens', undefined],
      ['review/unsupported-number', '“5 reasons” in `title` is not in the brief', undefined],
      ['review/unsupported-number', '“40% cooler” in `seo_title` is not in the brief', undefined],
      ['review/price-mismatch', "“Now $79” does not match the brief's price (89.00 USD)", 1],
    ]);
    expect(reviewDoc(reviewed)).toBe(reviewed);
  });
});
