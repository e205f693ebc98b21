/** Runs the shared Vale compatibility suite: every enabled scenario of the Microsoft style's rules.feature. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from './lint.ts';
import { buildRuleSet, compileRuleSources } from './rule-set.ts';
import { readValeIni, resolveValeIni } from './vale-ini.ts';
import { readStyleRules } from './rules.ts';

const SUITE = path.resolve(import.meta.dirname, '../../../../shared/vale/Microsoft');

type Scenario = { readonly name: string; readonly fixture: string; readonly expected: readonly string[] };

/** Reads the non-commented scenarios of a Gherkin feature file. */
function readScenarios(file: string): Scenario[] {
  const scenarios: Scenario[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  let current: { name: string; fixture: string; expected: string[] } | undefined;
  let inDoc = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) continue;
    const scenario = /^Scenario:\s*(.+)$/.exec(trimmed);
    if (scenario) {
      current = { name: scenario[1] as string, fixture: '', expected: [] };
      scenarios.push(current);
      continue;
    }
    const when = /^When I test "(.+)"$/.exec(trimmed);
    if (when && current) current.fixture = when[1] as string;
    else if (trimmed === '"""') inDoc = !inDoc;
    else if (inDoc && current && trimmed !== '') current.expected.push(trimmed);
  }
  return scenarios;
}

/** Lints a fixture the way `vale --output=line test.md` does inside its folder. */
function lintFixture(fixture: string): string[] {
  const dir = path.join(SUITE, 'fixtures', fixture);
  const ini = readValeIni(path.join(dir, '.vale.ini'));
  const config = resolveValeIni(ini, 'test.md');
  const ruleSet = buildRuleSet(config);
  const extra = compileRuleSources(config.extraRules, config);
  const source = readFileSync(path.join(dir, 'test.md'), 'utf8');
  const alerts = lintSource(source, [...ruleSet.checks, ...extra.checks], { file: 'test.md', minAlertLevel: config.minAlertLevel });
  return alerts.map((a) => `${a.file}:${a.line}:${a.column}:${a.rule}:${a.message}`);
}

describe.runIf(existsSync(SUITE))('Vale compatibility: Microsoft style', () => {
  const scenarios = readScenarios(path.join(SUITE, 'features', 'rules.feature'));

  it('reads the enabled scenarios', () => {
    expect(scenarios).toHaveLength(18);
  });

  it('compiles every rule of the style without a warning', () => {
    const sources = readStyleRules([SUITE], ['Microsoft']);
    const ruleSet = compileRuleSources(sources, { stylesPaths: [SUITE], basedOn: ['Microsoft'] });
    expect(ruleSet.warnings).toEqual([]);
    expect(ruleSet.checks).toHaveLength(sources.length);
  });

  for (const scenario of scenarios) {
    it(`${scenario.name} (${scenario.fixture})`, () => {
      expect(lintFixture(scenario.fixture)).toEqual(scenario.expected);
    });
  }
});
