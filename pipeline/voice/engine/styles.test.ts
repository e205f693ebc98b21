/** The shipped brand styles: every rule compiles, and a sample draft gets exactly the expected alerts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from './lint.ts';
import { voiceConfigSchema } from '../config.ts';
import { voiceFingerprint } from '../load-voice-rules.ts';
import { buildRuleSet } from './rule-set.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const STYLES = path.join(ROOT, 'prompts/brand/styles');
const FIXTURES = path.join(import.meta.dirname, '../__fixtures__/styles');

describe('HarborPine and Brand styles', () => {
  const ruleSet = buildRuleSet({ stylesPaths: [STYLES], basedOn: ['HarborPine', 'Brand'] });

  it('compile without warnings: 20+ HarborPine rules covering every implemented type', () => {
    expect(ruleSet.warnings).toEqual([]);
    const own = ruleSet.checks.filter((c) => c.name.startsWith('HarborPine.'));
    expect(own.length).toBeGreaterThanOrEqual(20);
    expect(new Set(own.map((c) => c.extends))).toEqual(
      new Set(['existence', 'substitution', 'occurrence', 'repetition', 'consistency', 'conditional', 'capitalization', 'readability', 'metric']),
    );
  });

  it('report exactly the expected alerts on the sample draft', () => {
    const source = readFileSync(path.join(FIXTURES, 'harbor-pine.md'), 'utf8');
    const expected = readFileSync(path.join(FIXTURES, 'harbor-pine.expected.txt'), 'utf8').trim().split('\n');
    const alerts = lintSource(source, ruleSet.checks, { file: 'harbor-pine.md' });
    expect(alerts.map((a) => `${a.file}:${a.line}:${a.column}:${a.rule}:${a.severity}:${a.message}`)).toEqual(expected);
  });

  it('flag reading grade and sentence average on dense copy', () => {
    const dense =
      'Notwithstanding considerable organisational complexity, manufacturers systematically underestimate environmental externalities associated with conventional agricultural intensification throughout international supply chains and regional distribution networks today.\n';
    const rules = lintSource(dense, ruleSet.checks, { file: 'd.md' }).map((a) => a.rule);
    expect(rules).toEqual(expect.arrayContaining(['HarborPine.ReadingGrade', 'HarborPine.ReadingEase', 'HarborPine.AverageSentenceLength']));
  });

  it('a clean Harbor & Pine paragraph has no alerts', () => {
    const clean = '# Care for linen\n\nWash the Seaside Linen Shirt cold. Hang it to dry. It will wrinkle, and that is fine.\n';
    expect(lintSource(clean, ruleSet.checks, { file: 'c.md' })).toEqual([]);
  });
});

describe('voiceFingerprint', () => {
  it('changes with the rules and the settings, not between calls', () => {
    const base = voiceConfigSchema.parse({});
    expect(voiceFingerprint(base, ROOT)).toBe(voiceFingerprint(base, ROOT));
    expect(voiceFingerprint({ ...base, threshold: 90 }, ROOT)).not.toBe(voiceFingerprint(base, ROOT));
    expect(voiceFingerprint({ ...base, rules: { 'Brand.Hype': 'NO' } }, ROOT)).not.toBe(voiceFingerprint(base, ROOT));
  });
});

describe('HarborPine.TradeTerms', () => {
  const ruleSet = buildRuleSet({ stylesPaths: [STYLES], basedOn: [], rules: { 'HarborPine.TradeTerms': 'YES' } });
  const lint = (md: string) => lintSource(md, ruleSet.checks, { file: 't.md' }).map((a) => `${a.line}:${a.column}`);
  it('accepts either definition order, then the bare acronym (a definition in a later paragraph is too late)', () => {
    expect(lint('It is 160 GSM (grams per square metre). Heavier is 200 GSM.\n')).toEqual([]);
    expect(lint('Grams per square metre (GSM) matter. 160 GSM here.\n')).toEqual([]);
    expect(lint('It is 160 GSM.\n\nLater: GSM (grams per square metre).\n')).toEqual(['1:11']);
  });
});
