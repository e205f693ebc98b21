/** The run record (`output/runs/<run-id>.json`) and the one-screen summary printed after a run. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ReviewFlag } from '../document.ts';
import { formatMessage, type LocatedMessage } from '../messages.ts';
import type { Usage } from '../models/types.ts';
import type { PublishResult } from '../publish/types.ts';
import type { StageRun } from '../process-job.ts';

export type BriefStatus = 'drafted' | 'flagged' | 'failed' | 'deferred';

export type BriefOutcome = {
  readonly id: string;
  readonly file: string;
  readonly target: string;
  readonly status: BriefStatus;
  readonly model?: string;
  readonly stages?: readonly StageRun[];
  readonly publish?: PublishResult;
  readonly flags: readonly ReviewFlag[];
  /** For failed briefs: the located reason(s). */
  readonly errors?: readonly LocatedMessage[];
  /** Per-stage summaries (voice scores, SEO checks, links). */
  readonly details?: Readonly<Record<string, unknown>>;
};

/** Message Batches this run collected, submitted, and still waits for. */
export type BatchReport = {
  readonly collected: readonly string[];
  readonly submitted: readonly { readonly batchId: string; readonly requestCount: number }[];
  readonly pending: readonly string[];
};

export type RunRecord = {
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly provider: string;
  readonly models: readonly string[];
  readonly dryRun: boolean;
  readonly totals: Readonly<Record<BriefStatus | 'briefs' | 'written' | 'unchanged' | 'modelCalls', number>>;
  readonly usage: Usage;
  readonly costUsd: number;
  /** Share of cacheable input read from the prompt cache (0–1), or null when nothing was sent. */
  readonly cacheHitRate: number | null;
  readonly briefs: readonly BriefOutcome[];
  readonly exitCode: number;
  readonly stoppedBy?: 'budget' | 'signal';
  readonly batch?: BatchReport;
};

/** Writes the run record atomically; returns its path. */
export async function writeRunRecord(runsDir: string, record: RunRecord): Promise<string> {
  await mkdir(runsDir, { recursive: true });
  const file = path.join(runsDir, `${record.runId}.json`);
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** A run id that sorts by time: `2026-11-24T05-50-01Z-<4 hex>`. */
export function newRunId(now: Date, random = Math.random): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `${stamp}-${Math.floor(random() * 0x10000).toString(16).padStart(4, '0')}`;
}

/** The one-screen summary (plain text; colour is the caller's business). */
export function formatSummary(record: RunRecord, recordPath: string): string {
  const t = record.totals;
  const lines: string[] = [];
  const seconds = (record.durationMs / 1000).toFixed(1);
  lines.push(`copydesk run ${record.runId}${record.dryRun ? ' (dry run)' : ''}`);
  lines.push(`  ${t.briefs} briefs: ${t.drafted} drafted, ${t.flagged} flagged, ${t.failed} failed${t.deferred ? `, ${t.deferred} deferred` : ''} in ${seconds}s`);
  lines.push(`  written ${t.written}, unchanged ${t.unchanged}; model calls ${t.modelCalls}`);
  const u = record.usage;
  const hit = record.cacheHitRate === null ? 'n/a' : `${Math.round(record.cacheHitRate * 100)}%`;
  lines.push(`  model ${record.models.join(', ') || record.provider} · tokens in ${u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens} (cache read ${u.cacheReadTokens}, write ${u.cacheWriteTokens}) out ${u.outputTokens} · cache hit ${hit} · cost $${record.costUsd.toFixed(4)}`);
  for (const line of stageLines(record)) lines.push(`  ${line}`);
  for (const brief of record.briefs) {
    const mark = brief.status === 'drafted' ? '✔' : brief.status === 'flagged' ? '⚑' : brief.status === 'deferred' ? '…' : '✖';
    const where = brief.publish ? ` ${brief.publish.status} ${brief.publish.location}` : '';
    lines.push(`  ${mark} ${brief.id}${where}`);
    for (const link of (Array.isArray(brief.details?.links) ? brief.details.links : []) as { url: string; anchor: string; line: number; score: number }[]) {
      lines.push(`      link “${link.anchor}” → ${link.url} (${link.line}, score ${link.score.toFixed(2)})`);
    }
    for (const flag of brief.flags) lines.push(`      ${flag.rule}${flag.line ? ` (${flag.line}:${flag.column ?? 1})` : ''}: ${flag.message}`);
    for (const error of brief.errors ?? []) lines.push(`      ${formatMessage(error)}`);
    if (brief.publish?.message) lines.push(`      ${brief.publish.rule ?? 'publish'}: ${brief.publish.message}`);
  }
  if (record.batch) {
    const b = record.batch;
    for (const s of b.submitted) lines.push(`  batch ${s.batchId} sent with ${s.requestCount} requests (half price); run again, or with --wait, to collect it`);
    if (b.collected.length > 0) lines.push(`  batches collected: ${b.collected.join(', ')}`);
  }
  if (record.stoppedBy === 'budget') lines.push('  stopped at the cost budget: the deferred briefs run next time (exit 4)');
  if (record.stoppedBy === 'signal') lines.push('  interrupted: in-flight briefs finished, the rest run next time');
  lines.push(`  record: ${recordPath}`);
  return lines.join('\n');
}

function stageLines(record: RunRecord): string[] {
  const out: string[] = [];
  const voice = record.briefs.map((b) => b.details?.voice as { before?: number; after?: number } | undefined).filter((v) => v && typeof v.before === 'number');
  if (voice.length > 0) {
    const avg = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    out.push(`voice score ${avg(voice.map((v) => v?.before ?? 0))} → ${avg(voice.map((v) => v?.after ?? 0))} (average before → after calibration)`);
  }
  const seo = record.briefs.map((b) => b.details?.seo as { passed?: number; failed?: number } | undefined).filter((s) => s && typeof s.passed === 'number');
  if (seo.length > 0) {
    const passed = seo.reduce((a, s) => a + (s?.passed ?? 0), 0);
    const failed = seo.reduce((a, s) => a + (s?.failed ?? 0), 0);
    const clean = seo.filter((s) => (s?.failed ?? 0) === 0).length;
    out.push(`SEO checks passed ${passed}/${passed + failed} (${Math.round((100 * passed) / Math.max(1, passed + failed))}%); ${clean}/${seo.length} drafts pass every check`);
  }
  const links = record.briefs.map((b) => b.details?.links).filter((l): l is readonly unknown[] => Array.isArray(l));
  if (links.length > 0) out.push(`internal links inserted ${links.reduce((a, l) => a + l.length, 0)} (each with its reason in the run record)`);
  return out;
}
