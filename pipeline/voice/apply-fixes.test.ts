/** Deterministic fixes: input.md linted with the brand styles and fixed must equal output.md byte for byte. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixAll } from './apply-fixes.ts';
import { lintSource } from './engine/lint.ts';
import { buildRuleSet } from './engine/rule-set.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(import.meta.dirname, '__fixtures__/fixes');
const ruleSet = buildRuleSet({ stylesPaths: [path.join(ROOT, 'prompts/brand/styles')], basedOn: ['HarborPine', 'Brand'] });
const lint = (markdown: string) => lintSource(markdown, ruleSet.checks, { file: 'input.md' });

describe('deterministic fixes', () => {
  for (const name of readdirSync(FIXTURES)) {
    it(`${name}: fixes every fixable alert and leaves every other byte alone`, () => {
      const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const output = readFileSync(path.join(FIXTURES, name, 'output.md'), 'utf8');
      expect(fixAll(input, lint).markdown).toBe(output);
    });
  }

  it('skips a match that spans markup and keeps code and URLs', () => {
    const input = 'Harbor *and* Pine. See `Harbor and Pine` at https://example.com/harbor-and-pine.\n';
    expect(applyFixes(input, lint(input)).markdown).toBe(input);
  });

  it('a second pass lands fixes that overlapped in the first', () => {
    const input = '# A seaside linen shirt.\n';
    const once = applyFixes(input, lint(input)).markdown;
    expect(once).toBe('# A Seaside Linen Shirt.\n');
    expect(fixAll(input, lint).markdown).toBe('# A Seaside Linen Shirt\n');
  });
});
