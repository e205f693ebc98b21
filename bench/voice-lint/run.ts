/**
 * Voice-lint benchmark: a generated 2,000-word Markdown draft linted with the brand styles
 * (HarborPine + Brand) and with the Microsoft Vale style; prints median and p95 after start-up.
 * Run: npx tsx bench/voice-lint/run.ts [runs]
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintDocument } from '../../pipeline/voice/engine/lint.ts';
import { buildRuleSet } from '../../pipeline/voice/engine/rule-set.ts';
import type { CompiledCheck } from '../../pipeline/voice/engine/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MICROSOFT = path.resolve(ROOT, '../shared/vale/Microsoft');
const RUNS = Number(process.argv[2] ?? 40);

const SENTENCES = [
  'The Seaside Linen Shirt is cut from 100% European flax linen at 160 GSM.',
  'We wash every shirt before it ships, so it is soft from the first wear.',
  'Linen wrinkles, and we think that is part of the charm.',
  'Our revolutionary fabric is guaranteed to keep you cool all summer long!',
  'The Harbor Chore Jacket is 12 oz organic cotton canvas that needs a month to break in.',
  'Harbor and Pine makes clothes in a small workshop in Portland, Maine.',
  'You can utilize the chest pocket for a notebook, and it is very handy.',
  'The shirt was designed by our team and was tested by customers over two summers.',
  'Wash it cold, hang it to dry, and iron it only if you want to.',
  'The Pine Ridge Merino Crew uses 17.5-micron merino that pills a little at first.',
];

/** A deterministic draft of about `words` words: headings, paragraphs, lists, code and links; `seed` makes every paragraph unique. */
function generateDraft(words: number, seed = 0): string {
  const out: string[] = ['---', 'title: How to choose a linen shirt for summer', '---', ''];
  let count = 0;
  let i = 0;
  while (count < words) {
    if (i % 12 === 0) out.push(`## Part ${i / 12 + 1}: What To Know About Linen`, '');
    if (i % 9 === 4) {
      out.push(`- ${SENTENCES[i % SENTENCES.length]} (${seed}.${i})`, `- See [the care guide](/care/linen-${i}) and \`wash --cold\`.`, '');
    } else {
      const paragraph = [`Note ${seed}.${i} comes first.`, ...[0, 1, 2, 3].map((k) => SENTENCES[(i + k * 3) % SENTENCES.length])].join(' ');
      out.push(paragraph, '');
    }
    count = out.join(' ').split(/\s+/).filter(Boolean).length;
    i += 1;
  }
  return out.join('\n');
}

let seed = 0;

/** Median and 95th percentile. */
function percentiles(values: readonly number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 2)] ?? 0, sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0];
}

function measure(label: string, checks: readonly CompiledCheck[]): void {
  // Every run lints a draft whose paragraphs were never seen before, so no memo answers for them.
  const fresh = (): string => generateDraft(2000, (seed += 1));
  for (let k = 0; k < 5; k += 1) lintDocument(fresh(), checks, { file: 'bench.md' });
  const times: number[] = [];
  const cpu: number[] = [];
  let alerts = 0;
  for (let k = 0; k < RUNS; k += 1) {
    const text = fresh();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    alerts = lintDocument(text, checks, { file: 'bench.md' }).alerts.length;
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const [median, p95] = percentiles(times);
  const [cpuMedian, cpuP95] = percentiles(cpu);
  console.log(
    `${label.padEnd(31)} rules ${String(checks.length).padStart(3)}  alerts ${String(alerts).padStart(4)}  wall median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms  cpu median ${cpuMedian.toFixed(1)} ms, p95 ${cpuP95.toFixed(1)} ms`,
  );
}

const words = generateDraft(2000).split(/\s+/).filter(Boolean).length;
const started = performance.now();
const brand = buildRuleSet({ stylesPaths: [path.join(ROOT, 'prompts/brand/styles')], basedOn: ['HarborPine', 'Brand'] });
const microsoft = existsSync(MICROSOFT) ? buildRuleSet({ stylesPaths: [MICROSOFT], basedOn: ['Microsoft'] }) : undefined;
console.log(`voice lint benchmark: ${words} words, ${RUNS} runs after 5 warm-up runs; rules loaded in ${(performance.now() - started).toFixed(0)} ms; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`);
measure('HarborPine + Brand', brand.checks);
if (microsoft) {
  measure('Microsoft', microsoft.checks);
  measure('HarborPine + Brand + Microsoft', [...brand.checks, ...microsoft.checks]);
} else console.log(`Microsoft style not found at ${MICROSOFT}; skipped`);
