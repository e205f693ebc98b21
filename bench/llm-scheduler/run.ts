/**
 * Scheduler benchmark: many briefs through the model client against the local Anthropic-protocol server
 * with rate limits, time compression and realistic latency. Prints throughput as a share of the binding
 * limit, the share of requests answered 429 and the prompt-cache figures.
 *
 *   npx tsx bench/llm-scheduler/run.ts [--briefs 200] [--compression 20] [--transit 500] [--rpm 50] [--itpm 30000] [--otpm 8000] [--concurrency 16]
 *
 * Throughput is what the server admitted, per limit: in the steady state (requests arriving between the
 * 10th and 90th percentile of arrivals) units ÷ (limit × windows); over the whole run (units − the bucket's
 * initial capacity) ÷ (limit × windows), since a token bucket starts full. The whole-run figure also pays
 * for the start (the first brief goes alone to write the cache) and the tail (the last answers' latency).
 * The binding limit is the one with the highest steady-state utilisation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { countServerTokens } from '../../test/servers/anthropic-server.ts';
import type { BenchServerReport } from './server.ts';
import { modelsConfigSchema } from '../../pipeline/models/config.ts';
import { createModelClient } from '../../pipeline/models/create-model-client.ts';
import type { ModelRequest } from '../../pipeline/models/types.ts';

const { values } = parseArgs({
  options: {
    briefs: { type: 'string', default: '200' },
    compression: { type: 'string', default: '20' },
    rpm: { type: 'string', default: '50' },
    itpm: { type: 'string', default: '30000' },
    otpm: { type: 'string', default: '8000' },
    concurrency: { type: 'string', default: '16' },
    transit: { type: 'string', default: '500' },
  },
});
const briefs = Number(values.briefs);
const compression = Number(values.compression);
const limits = { rpm: Number(values.rpm), itpm: Number(values.itpm), otpm: Number(values.otpm) };
const windowMs = 60_000 / compression;

// The stable prefix: a brand voice guide of about 3,000 tokens, cached for an hour.
const VOICE = [
  'Harbor & Pine is a small clothing maker in Portland, Maine: linen and organic-cotton shirts, chore jackets, merino knits.',
  'Write warm, plain-spoken, practical copy, a little dry. Short sentences. No hype words and no health claims.',
  'Always write "Harbor & Pine", "organic cotton" and "linen" in lowercase; "Seaside Linen Shirt" is a product name.',
].join(' ');
const SYSTEM = `You are the staff copywriter for Harbor & Pine.\n\n# The brand voice guide\n\n${`${VOICE}\n`.repeat(36)}`;
const MAX_TOKENS = 700;


function briefRequest(i: number): ModelRequest {
  const notes = `Brief ${i}: a journal post about caring for linen in a wet Maine spring, with an outline of four sections and the facts that must appear. `.repeat(12);
  return {
    task: 'draft-article',
    model: 'claude-sonnet-5-5',
    system: [{ text: SYSTEM, cache: '1h' }],
    messages: [{ role: 'user', content: notes }],
    maxTokens: MAX_TOKENS,
    meta: { briefId: `bench-${i}`, stage: 'draft' },
  };
}

const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [JSON.stringify({ limits, timeCompression: compression, latency: { baseMs: 1500, perOutputTokenMs: 12 } })], {
  execArgv: ['--import', 'tsx'],
});
const nextMessage = <T>(): Promise<T> => new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
const { url } = await nextMessage<{ url: string }>();
const stateDir = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-'));
const client = createModelClient({
  config: modelsConfigSchema.parse({ limits: { concurrency: Number(values.concurrency), ...limits }, audit: false }),
  env: { ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: url },
  runId: 'bench',
  stateDir,
  windowMs,
  transitMs: Number(values.transit),
});

const started = Date.now();
const answers = await Promise.all(Array.from({ length: briefs }, (_, i) => client.call(briefRequest(i))));
const elapsedMs = Date.now() - started;
await client.close();
child.send('report');
const report = await nextMessage<BenchServerReport>();
child.send('close');
rmSync(stateDir, { recursive: true, force: true });

type Dim = keyof typeof limits;
const dims = Object.keys(limits) as Dim[];
const unitsOf = (i: number): Record<Dim, number> => {
  const u = answers[i]?.usage;
  return { rpm: 1, itpm: (u?.inputTokens ?? 0) + (u?.cacheWriteTokens ?? 0), otpm: u?.outputTokens ?? 0 };
};
// Whole run: a token bucket starts full, so the units it allows in T windows are capacity + limit × T.
const used: Record<Dim, number> = { rpm: 0, itpm: 0, otpm: 0 };
for (let i = 0; i < briefs; i += 1) for (const d of dims) used[d] += unitsOf(i)[d];
const windows = elapsedMs / windowMs;
const wholeRun = Object.fromEntries(dims.map((d) => [d, (used[d] - limits[d]) / (limits[d] * windows)])) as Record<Dim, number>;
// Steady state: units of the requests the server admitted between the 25th and the 90th percentile of arrivals, after the bucket's initial fill is spent.
const admitted = [...report.admitted].sort((a, b) => a.at - b.at);
const from = admitted[Math.floor(admitted.length * 0.25)]!;
const to = admitted[Math.floor(admitted.length * 0.9)]!;
const steadyWindows = (to.at - from.at) / windowMs;
const steadyUsed: Record<Dim, number> = { rpm: 0, itpm: 0, otpm: 0 };
for (const a of admitted) if (a.at >= from.at && a.at < to.at) for (const d of dims) steadyUsed[d] += unitsOf(a.brief)[d];
const utilisation = Object.fromEntries(dims.map((d) => [d, steadyUsed[d] / (limits[d] * steadyWindows)])) as Record<Dim, number>;
const binding = dims.reduce((a, b) => (utilisation[a] >= utilisation[b] ? a : b));
const stats = report.stats;
const prefixTokens = countServerTokens({ type: 'text', text: SYSTEM });
const later = answers.slice(1);
const prefixFromCache = later.reduce((n, a) => n + a.usage.cacheReadTokens, 0) / (prefixTokens * later.length);

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`briefs ${briefs}, limits RPM ${limits.rpm} / ITPM ${limits.itpm} / OTPM ${limits.otpm}, time ×${compression} (a minute lasts ${windowMs} ms), concurrency ${values.concurrency}`);
console.log(`elapsed ${elapsedMs} ms = ${windows.toFixed(2)} compressed minutes; steady state (25th–90th percentile of arrivals) ${steadyWindows.toFixed(2)} minutes`);
for (const d of dims) console.log(`  ${d.toUpperCase()}: used ${used[d]}; steady state ${pct(utilisation[d])} of the limit, whole run ${pct(wholeRun[d])}${d === binding ? '  <- binding' : ''}`);
console.log(`throughput: ${pct(utilisation[binding])} of the binding limit (${binding.toUpperCase()}) in the steady state, ${pct(wholeRun[binding])} over the whole run  [target ≥ 95%]`);
console.log(`429s: ${stats.rateLimited} of ${stats.received} requests = ${pct(stats.rateLimited / stats.received)}  [target ≤ 1%]`);
for (const reason of new Set(report.limited)) console.log(`  ${report.limited.filter((r) => r === reason).length} × ${reason}`);
console.log(`stable prefix read from cache after the first brief: ${pct(prefixFromCache)}  [target ≥ 85%]`);
console.log(`cache hit rate (read ÷ all prompt tokens): ${pct(client.cacheHitRate() ?? 0)}; cost $${client.costUsd().toFixed(4)}`);
