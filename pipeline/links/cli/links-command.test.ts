import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { harborPinePages } from '../__fixtures__/harbor-pine-pages.ts';
import { linksCommand } from './links-command.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The benchmark scorer lives in the shared folder beside the repository (as in CI).
const scorerDir = path.resolve(repo, '../shared/bench/links-hugoDocs');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function io() {
  const printed: string[] = [];
  const err: string[] = [];
  return { printed, err, stdout: (t: string) => void printed.push(t), stderr: (t: string) => void err.push(t) };
}

describe('links suggest', () => {
  it.runIf(existsSync(path.join(scorerDir, 'score.mjs')))('writes suggestions that the benchmark scorer reads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'links-suggest-'));
    dirs.push(dir);
    copyFileSync(path.join(scorerDir, 'score.mjs'), path.join(dir, 'score.mjs'));
    copyFileSync(path.join(scorerDir, 'lib.mjs'), path.join(dir, 'lib.mjs'));
    writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ site: 'harborandpine.com', commit: 'fixture', hosts: ['harborandpine.com'], locale_prefixes: [] }));
    const inventory = harborPinePages.filter((p) => p.locale === 'en-US').map((p, i) => ({ id: `p${i}`, url: p.url, title: p.title, description: p.description, headings: p.headings, text: p.text, section: p.kind, locale: 'en' }));
    writeFileSync(path.join(dir, 'inventory.jsonl'), inventory.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const cases = [
      {
        id: 'c1',
        url: '/journal/summer-shirts/',
        title: 'Summer shirts',
        description: '',
        locale: 'en',
        markdown_without_internal_links: 'Our Seaside Linen Shirt is cool.\n\nWhen it needs it, see how to wash linen.\n',
        gold: [{ target_url: '/products/seaside-linen-shirt/', anchor_text: 'Seaside Linen Shirt' }, { target_url: '/journal/how-to-wash-linen/', anchor_text: 'how to wash linen' }],
      },
    ];
    writeFileSync(path.join(dir, 'cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const config = configSchema.parse({ locale: 'en', links: { caps: { per_1000_words: 200 }, min_score: 0.2 } });
    const streams = io();
    const code = await linksCommand('suggest', [], { json: false, config, cwd: dir, inventory: 'inventory.jsonl', cases: 'cases.jsonl', out: 'out.jsonl', stdout: streams.stdout, stderr: streams.stderr });
    expect(code).toBe(0);
    const rows = readFileSync(path.join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; suggestions: { target_url: string; anchor_text: string }[] });
    expect(rows[0]?.id).toBe('c1');
    expect(rows[0]?.suggestions.map((s) => s.target_url).sort()).toEqual(['/journal/how-to-wash-linen/', '/products/seaside-linen-shirt/']);
    const report = execFileSync(process.execPath, [path.join(dir, 'score.mjs'), path.join(dir, 'out.jsonl'), dir], { encoding: 'utf8' });
    expect(report.trim().split('\n').at(-1)).toBe('precision=1.00 recall=1.00 f1=1.00');
    expect(report).toContain('rows_missing=0');
  });

  it('answers a usage error with exit code 2', async () => {
    const streams = io();
    expect(await linksCommand('suggest', [], { json: false, config: configSchema.parse({}), cwd: tmpdir(), stdout: streams.stdout, stderr: streams.stderr })).toBe(2);
    expect(streams.err.join('\n')).toContain('usage: copydesk links');
  });
});

describe('links sync and inspect', () => {
  it('syncs, then shows what a draft file would link and why', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'links-cli-'));
    dirs.push(root);
    const inventory = harborPinePages.map((p) => JSON.stringify(p)).join('\n');
    writeFileSync(path.join(root, 'pages.jsonl'), inventory + '\n');
    writeFileSync(path.join(root, 'draft.md'), '---\ntitle: Summer shirts\nkeyphrase: summer shirt\n---\nThe Harbor Chore Jacket, and [a made-up page](/nowhere/).\n');
    const config = configSchema.parse({ links: { sources: [{ kind: 'jsonl', path: 'pages.jsonl' }], min_score: 0.2 } });
    const sync = io();
    expect(await linksCommand('sync', [], { json: true, config, cwd: root, stdout: sync.stdout, stderr: sync.stderr })).toBe(0);
    expect(JSON.parse(sync.printed[0] ?? '{}')).toMatchObject({ pages: harborPinePages.length, added: harborPinePages.length });
    const inspect = io();
    expect(await linksCommand('inspect', ['draft.md'], { json: false, config, cwd: root, stdout: inspect.stdout, stderr: inspect.stderr })).toBe(0);
    const text = inspect.err.join('\n');
    expect(text).toContain('"Harbor Chore Jacket" → /products/harbor-chore-jacket/');
    expect(text).toContain('score');
    expect(text).toContain('links/removed-unknown-link');
    const page = io();
    expect(await linksCommand('inspect', ['/journal/how-to-wash-linen/'], { json: false, config, cwd: root, stdout: page.stdout, stderr: page.stderr })).toBe(0);
    expect(page.err.join('\n')).toContain('How to wash linen');
  });
});
