/** `.vale.ini` reading: sections, levels, vocabularies. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from './lint.ts';
import { buildRuleSet, compileRuleSources } from './rule-set.ts';
import { parseValeIni, readValeIni, resolveValeIni, ValeIniError } from './vale-ini.ts';

describe('.vale.ini', () => {
  it('merges the global section and every matching glob section in order', () => {
    const ini = parseValeIni('StylesPath = styles\nMinAlertLevel = warning\n\n[*]\nBasedOnStyles = A\n\n[*.{md,txt}]\nBasedOnStyles = B\nA.X = NO\n\n[docs/**/*.md]\nA.Y = error\n', '/p/.vale.ini');
    expect(ini.stylesPath).toBe('/p/styles');
    expect(resolveValeIni(ini, '/p/docs/a/b.md')).toMatchObject({ basedOn: ['A', 'B'], rules: { 'A.X': 'NO', 'A.Y': 'error' }, minAlertLevel: 'warning' });
    expect(resolveValeIni(ini, '/p/c.rst')).toMatchObject({ basedOn: ['A'], rules: {} });
  });

  it('TokenIgnores and BlockIgnores hide their matches from every rule', () => {
    const ini = parseValeIni('StylesPath = s\n[*.md]\nBasedOnStyles = T\nTokenIgnores = (\\$[^$]+\\$), (?:x{1\\,2})\nBlockIgnores = (?s)(\\{%.*?%\\})\n', '/p/.vale.ini');
    const resolved = resolveValeIni(ini, '/p/a.md');
    expect(resolved.ignorePatterns).toEqual(['(\\$[^$]+\\$)', '(?:x{1,2})', '(?s)(\\{%.*?%\\})']);
    const rule = compileRuleSources([{ name: 'T.R', file: 'R.yml', text: "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - very\n" }], { stylesPaths: [], basedOn: ['T'] });
    const md = 'A $very$ shirt, very nice.\n\n{% very\nvery %}\n\nvery.\n';
    const alerts = lintSource(md, rule.checks, { file: 'a.md', ignorePatterns: resolved.ignorePatterns });
    expect(alerts.map((a) => `${a.line}:${a.column}`)).toEqual(['1:17', '6:1']);
  });

  it('rejects a bad level with its location', () => {
    expect(() => parseValeIni('[*]\nA.X = maybe\n', 'x.ini')).toThrow(new ValeIniError('x.ini:2: expected YES, NO or a level, got `maybe`'));
  });

  it('Vocab: accept.txt words are exceptions, reject.txt words become Vale.Avoid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voice-ini-'));
    mkdirSync(path.join(dir, 'styles/Shop'), { recursive: true });
    mkdirSync(path.join(dir, 'styles/config/vocabularies/Shop'), { recursive: true });
    writeFileSync(path.join(dir, 'styles/Shop/Caps.yml'), "extends: existence\nmessage: \"'%s' shouts.\"\ntokens:\n  - '[A-Z]{3,}'\n");
    writeFileSync(path.join(dir, 'styles/config/vocabularies/Shop/accept.txt'), 'GSM\n');
    writeFileSync(path.join(dir, 'styles/config/vocabularies/Shop/reject.txt'), 'tee\n');
    writeFileSync(path.join(dir, '.vale.ini'), 'StylesPath = styles\nVocab = Shop\n\n[*]\nBasedOnStyles = Shop, Vale\n');
    const config = resolveValeIni(readValeIni(path.join(dir, '.vale.ini')), path.join(dir, 'a.md'));
    const builtins = compileRuleSources(config.extraRules, config);
    expect(builtins.warnings).toEqual(['Vale.Spelling: rule type `spelling` is not supported; rule skipped']);
    const checks = [...buildRuleSet(config).checks, ...builtins.checks];
    const alerts = lintSource('A 160 GSM tee, NOT a a shirt of 160 gsm.\n', checks, { file: 'a.md' });
    expect(alerts.map((a) => `${a.column} ${a.rule} ${a.message}`)).toEqual([
      "11 Vale.Avoid Avoid using 'tee'.",
      "16 Shop.Caps 'NOT' shouts.",
      "20 Vale.Repetition 'a' is repeated!",
      "37 Vale.Terms Use 'GSM' instead of 'gsm'.",
    ]);
  });
});
