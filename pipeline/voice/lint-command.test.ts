/** `voice lint`: Vale-style lines, JSON, exit codes, and a team's `.vale.ini` used unchanged. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.ts';
import { voiceLintCommand } from './lint-command.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROJECT = path.join(import.meta.dirname, '__fixtures__/vale-project');
const SHARED = path.resolve(ROOT, '../shared/vale/Microsoft/fixtures');

async function run(files: string[], options: { json?: boolean; valeConfig?: string; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await voiceLintCommand(files, {
    json: options.json ?? false,
    ...(options.valeConfig ? { valeConfig: options.valeConfig } : {}),
    config: configSchema.parse({}),
    cwd: options.cwd ?? PROJECT,
    root: ROOT,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
  });
  return { code, out, err };
}

describe('voice lint', () => {
  it('prints file:line:col level message rule and exits 1 on an error', async () => {
    const { code, err, out } = await run(['post.md']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.slice(0, 7)).toEqual([
      'post.md:1:1 suggestion Flesch reading ease is 59.75; aim for 60 or higher. HarborPine.ReadingEase',
      'post.md:3:1 error Write the brand as \'Harbor & Pine\', not \'Harbor and Pine\'. HarborPine.BrandName',
      "post.md:3:23 error Cut the hype word 'revolutionary'. Brand.Hype",
      "post.md:3:44 warning 'Hurry' is fake urgency; give the reader a reason instead. Brand.Urgency",
      "post.md:3:51 suggestion We talk like people: 'it's', not 'it is'. HarborPine.Contractions",
      "post.md:3:57 suggestion Cut 'very'; it adds nothing. HarborPine.Fillers",
      'post.md: voice score 48 (12 words, 6 alerts)',
    ]);
  });

  it('--json prints one array on stdout', async () => {
    const { code, out, err } = await run(['docs/notes.md'], { json: true });
    expect(code).toBe(1);
    expect(err).toEqual([]);
    expect(JSON.parse(out[0] ?? '')).toEqual([
      { file: 'docs/notes.md', line: 1, column: 1, rule: 'HarborPine.ReadingEase', severity: 'suggestion', message: 'Flesch reading ease is -1.28; aim for 60 or higher.' },
      { file: 'docs/notes.md', line: 1, column: 1, rule: 'HarborPine.ReadingGrade', severity: 'warning', message: 'Reading grade is 13.42; aim for grade 8 or lower.' },
      { file: 'docs/notes.md', line: 1, column: 5, rule: 'Brand.Hype', severity: 'error', message: "Cut the hype word 'revolutionary'." },
      { file: 'docs/notes.md', line: 1, column: 25, rule: 'HarborPine.Passive', severity: 'suggestion', message: "'is guaranteed' looks like passive voice; say who does it." },
      { file: 'docs/notes.md', line: 1, column: 28, rule: 'Brand.Claims', severity: 'error', message: "'guaranteed' is a claim we can't back up; remove it or cite the test." },
    ]);
  });

  it('--vale-config applies StylesPath, MinAlertLevel, BasedOnStyles, rule lines and glob sections', async () => {
    const { out } = await run(['post.md', 'docs/notes.md'], { json: true, valeConfig: '.vale.ini' });
    expect(JSON.parse(out[0] ?? '').map((m: { file: string; line: number; column: number; rule: string; severity: string }) => `${m.file}:${m.line}:${m.column} ${m.severity} ${m.rule}`)).toEqual([
      'post.md:3:1 error HarborPine.BrandName',
      'post.md:3:23 error Brand.Hype',
      'post.md:3:57 error HarborPine.Fillers',
      'docs/notes.md:1:28 error Brand.Claims',
    ]);
  });

  it('exits 0 without errors and 2 for a missing file', async () => {
    expect((await run(['docs/notes.md'], { valeConfig: '.vale.ini' })).code).toBe(1);
    const missing = await run(['nope.md']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe('nope.md: cannot read the file (ENOENT)');
  });

  it.runIf(existsSync(SHARED))('lints a Vale fixture with its own .vale.ini like Vale does', async () => {
    const { code, out } = await run(['test.md'], { json: true, valeConfig: '.vale.ini', cwd: path.join(SHARED, 'AMPM') });
    expect(code).toBe(1);
    expect(JSON.parse(out[0] ?? '')).toEqual([
      { file: 'test.md', line: 3, column: 14, rule: 'Microsoft.AMPM', severity: 'error', message: "Use 'AM' or 'PM' (preceded by a space)." },
      { file: 'test.md', line: 5, column: 18, rule: 'Microsoft.AMPM', severity: 'error', message: "Use 'AM' or 'PM' (preceded by a space)." },
    ]);
  });
});
