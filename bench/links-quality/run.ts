/**
 * Quality benchmark: runs the link suggester over the shared datasets (real sites, links placed by their
 * authors), scores with each dataset's own `score.mjs` and prints precision, recall and F1 beside the baseline.
 *
 *   npx tsx bench/links-quality/run.ts [--keep DIR] [--set '{"index":{"body_words":0}}']
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../../pipeline/config/schema.ts';
import { linksCommand } from '../../pipeline/links/cli/links-command.ts';

const DATASETS = [
  { name: 'links-digitalgov.gov', baseline: { precision: 0.22, recall: 0.39, f1: 0.28 }, target: 0.42 },
  { name: 'links-hugoDocs', baseline: { precision: 0.27, recall: 0.53, f1: 0.35 }, target: 0.52 },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(root, '../shared/bench');
const keepAt = process.argv.indexOf('--keep');
const outDir = keepAt > 0 ? path.resolve(process.argv[keepAt + 1] ?? '.') : mkdtempSync(path.join(tmpdir(), 'links-quality-'));
mkdirSync(outDir, { recursive: true });

// Two profiles, each the same for every site: copydesk's defaults (editorial caps for marketing copy: one link
// a paragraph, ten per 1,000 words), and the density these sites' own editors use (up to two a paragraph, fifteen
// per 1,000 words; docs and news pages link more densely). Targets are judged on the second; both are printed.
const PROFILES = [
  { name: 'defaults', overrides: {} },
  { name: 'site-density', overrides: { caps: { per_paragraph: 2, per_1000_words: 15 } } },
] as const;

// `--set JSON` changes `links:` settings in both profiles alike (to compare variants).
const setAt = process.argv.indexOf('--set');
const extra = setAt > 0 ? (JSON.parse(process.argv[setAt + 1] ?? '{}') as Record<string, unknown>) : {};

function mergeSettings(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' ? mergeSettings(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

let failed = false;
for (const profile of PROFILES) {
  const project = configSchema.parse({ locale: 'en', links: mergeSettings(profile.overrides, extra) });
  const config = project.links;
  console.log(`profile ${profile.name}: ${JSON.stringify({ min_score: config.min_score, caps: config.caps, index: config.index.body_words })}`);
  for (const ds of DATASETS) {
    const dir = path.join(shared, ds.name);
    if (!existsSync(dir)) {
      console.log(`${ds.name}: data not found at ${dir}`);
      failed = true;
      continue;
    }
    const out = path.join(outDir, `${ds.name}.${profile.name}.jsonl`);
    const started = performance.now();
    // Exactly what `copydesk links suggest --inventory … --cases … --out …` runs.
    const code = await linksCommand('suggest', [], {
      json: false,
      config: project,
      cwd: dir,
      inventory: 'inventory.jsonl',
      cases: 'cases.jsonl',
      out,
      stdout: () => undefined,
      stderr: () => undefined,
    });
    if (code !== 0) throw new Error(`links suggest exited with ${code} on ${ds.name}`);
    const ms = performance.now() - started;
    const report = execFileSync(process.execPath, [path.join(dir, 'score.mjs'), out, dir], { encoding: 'utf8' });
    const last = report.trim().split('\n').at(-1) ?? '';
    const m = /precision=([\d.]+) recall=([\d.]+) f1=([\d.]+)/.exec(last);
    const [p, r, f] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    const judged = profile.name === 'site-density';
    const ok = f >= ds.target && p >= ds.baseline.precision;
    if (judged && !ok) failed = true;
    console.log(report.trim().split('\n').slice(1, 3).map((l) => `    ${l}`).join('\n'));
    console.log(
      `  ${ds.name.padEnd(22)} precision=${p.toFixed(2)} recall=${r.toFixed(2)} f1=${f.toFixed(2)}   ` +
        `baseline P=${ds.baseline.precision} R=${ds.baseline.recall} F1=${ds.baseline.f1}   target F1>=${ds.target}` +
        `${judged ? (ok ? '  ok' : '  BELOW TARGET') : ''}  (${(ms / 1000).toFixed(1)} s with the index build)`,
    );
  }
}
console.log(`suggestions: ${outDir}`);
process.exitCode = failed ? 1 : 0;
