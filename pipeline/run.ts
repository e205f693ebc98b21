/**
 * The orchestrator: read → validate → plan jobs → stages (draft, voice, seo, links) → review gate
 * → publish as drafts → run record. Reads like the flow in DESIGN.md.
 */
import path from 'node:path';
import PQueue from 'p-queue';
import { readProjectBriefs } from './briefs/read-briefs.ts';
import type { TargetKind } from './briefs/schema.ts';
import type { LoadedConfig } from './config/load-config.ts';
import type { DraftDoc, Job, Logger, StageContext } from './document.ts';
import { EXIT } from './errors.ts';
import { hashPromptFiles, planJobs } from './jobs.ts';
import type { LocatedMessage } from './messages.ts';
import { createModelSession, type ModelSession } from './model-session.ts';
import { runStages, type StagePlan } from './process-job.ts';
import { createPromptSet } from './prompts/load-prompts.ts';
import { publishDraft, type Publisher } from './publish/publish-draft.ts';
import { newRunId, writeRunRecord, type BatchReport, type BriefOutcome, type RunRecord } from './report/run-record.ts';
import { reviewGate } from './review.ts';
import { pipelineStages } from './stages/pipeline-stages.ts';
import { summarizeStages } from './stage-summary.ts';
import { acquireLock } from './state/lock.ts';
import { createStageCache } from './state/stage-cache.ts';

export type RunOptions = {
  readonly loaded: LoadedConfig;
  readonly cwd: string;
  /** Brief files or folders (default: the configured briefs folder). */
  readonly paths: readonly string[];
  readonly target?: TargetKind | undefined;
  readonly dryRun?: boolean;
  readonly concurrency?: number | undefined;
  readonly maxCostUsd?: number | undefined;
  /** Send model requests as Message Batches; `wait` collects them and finishes the run. */
  readonly batch?: { readonly wait: boolean } | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly now?: () => Date;
  /** Called as each brief finishes (for progress bars). */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly id: string; readonly status: string }) => void;
};

/** Runs the pipeline once; never throws for a bad brief (each ends in the record with its reason). */
export async function runPipeline(options: RunOptions): Promise<{ record: RunRecord; recordPath: string }> {
  const { config, root } = options.loaded;
  const now = options.now ?? (() => new Date());
  const started = now();
  const runId = newRunId(started);
  const stateDir = path.resolve(root, config.state);
  const release = await acquireLock(stateDir, `run ${runId}`);
  try {
    const read = await readProjectBriefs(options.loaded, options.paths, options.cwd);
    const prompts = createPromptSet(path.resolve(root, config.prompts), config.models, root);
    const models = createModelSession({ config, prompts, env: options.env, runId, stateDir, maxCostUsd: options.maxCostUsd, batch: options.batch !== undefined, signal: options.signal, logger: options.logger });
    const jobs = planJobs(read.briefs, { config, promptsHash: await hashPromptFiles(path.resolve(root, config.prompts)), provider: models.providerName, targetOverride: options.target });
    const stages = await pipelineStages({ config, root, stateDir, signal: options.signal });
    const ctx: StageContext = { call: models.call, prompts, config, now, logger: options.logger, signal: options.signal };
    const publisher: Publisher = { root, config, stateDir, runId, now, dryRun: options.dryRun ?? false };

    const deps: JobDeps = { stages, ctx, cache: createStageCache(stateDir), publisher, models, concurrency: options.concurrency ?? config.concurrency, onProgress: options.onProgress };
    const { outcomes, batch } = options.batch ? await processInBatches(jobs, deps, options.batch.wait) : { outcomes: await processJobs(jobs, deps), batch: undefined };
    await models.close();
    const failedReads = invalidBriefOutcomes(read.messages);
    const record = assembleRecord({ runId, started, finished: now(), outcomes: [...outcomes, ...failedReads], models, dryRun: options.dryRun ?? false, signal: options.signal, batch });
    const recordPath = await writeRunRecord(path.resolve(root, config.runs), record);
    return { record, recordPath: path.relative(options.cwd, recordPath) };
  } finally {
    await release();
  }
}

type JobDeps = {
  readonly stages: readonly StagePlan[];
  readonly ctx: StageContext;
  readonly cache: ReturnType<typeof createStageCache>;
  readonly publisher: Publisher;
  readonly models: ModelSession;
  readonly concurrency: number;
  readonly onProgress?: RunOptions['onProgress'];
};

/**
 * Batch mode: collect the results of earlier batches, run the jobs (requests not yet answered are
 * recorded and their briefs deferred), send what was recorded as one Message Batch. With `wait`,
 * repeat until every stage of every brief has its answers.
 */
async function processInBatches(jobs: readonly Job[], deps: JobDeps, wait: boolean): Promise<{ outcomes: BriefOutcome[]; batch: BatchReport }> {
  const collected: string[] = [];
  const submitted: { batchId: string; requestCount: number }[] = [];
  for (;;) {
    const collection = await deps.models.collectBatches({ wait });
    collected.push(...collection.collected);
    let pending = collection.pending;
    const outcomes = await processJobs(jobs, deps);
    const submission = await deps.models.submitBatch();
    if (submission) {
      submitted.push({ batchId: submission.batchId, requestCount: submission.requestCount });
      pending = [...pending, submission.batchId];
    }
    if (!wait || !submission || deps.ctx.signal.aborted) return { outcomes, batch: { collected, submitted, pending } };
  }
}

/** One queue over the briefs; SIGINT stops new ones, in-flight ones finish. */
async function processJobs(jobs: readonly Job[], deps: JobDeps): Promise<BriefOutcome[]> {
  const queue = new PQueue({ concurrency: deps.concurrency });
  const outcomes: BriefOutcome[] = [];
  for (const job of jobs) {
    void queue.add(async () => {
      const outcome = await processJob(job, deps);
      outcomes.push(outcome);
      deps.onProgress?.({ done: outcomes.length, total: jobs.length, id: outcome.id, status: outcome.status });
    });
  }
  await queue.onIdle();
  const order = new Map(jobs.map((j, i) => [j.id, i]));
  return outcomes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

async function processJob(job: Job, deps: JobDeps): Promise<BriefOutcome> {
  const base = { id: job.id, file: job.brief.file, target: job.target };
  if (deps.ctx.signal.aborted) return { ...base, status: 'deferred', flags: [] };
  let doc: DraftDoc;
  let runs;
  try {
    ({ doc, runs } = await runStages(job, deps.stages, deps.ctx, deps.cache));
  } catch (error) {
    const deferred = deps.models.isDeferral(error) || deps.ctx.signal.aborted;
    return { ...base, status: deferred ? 'deferred' : 'failed', flags: [], errors: deferred ? [] : [failure(job, error)] };
  }
  const reviewed = reviewGate(doc, deps.ctx.config);
  let publish;
  try {
    publish = await publishDraft(reviewed, deps.publisher);
  } catch (error) {
    return { ...base, status: 'failed', model: reviewed.model, stages: runs, flags: reviewed.flags, errors: [failure(job, error, 'publish/failed')] };
  }
  const failed = publish.status === 'conflict';
  return {
    ...base,
    status: failed ? 'failed' : reviewed.flags.length > 0 || publish.status === 'kept' ? 'flagged' : 'drafted',
    model: reviewed.model,
    stages: runs,
    publish,
    flags: reviewed.flags,
    details: summarizeStages(reviewed),
  };
}

function failure(job: Job, error: unknown, rule = 'run/stage-failed'): LocatedMessage {
  const message = error instanceof Error ? error.message : String(error);
  return { file: job.brief.file, line: 1, column: 1, rule, severity: 'error', message };
}

/** Briefs that failed validation end in the record as failed, with their located messages. */
function invalidBriefOutcomes(messages: readonly LocatedMessage[]): BriefOutcome[] {
  const byFile = new Map<string, LocatedMessage[]>();
  for (const m of messages) {
    if (m.severity !== 'error') continue;
    byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
  }
  return [...byFile].map(([file, errors]) => ({ id: file.replace(/\.md$/i, ''), file, target: '', status: 'failed', flags: [], errors }));
}

function assembleRecord(input: {
  runId: string; started: Date; finished: Date; outcomes: BriefOutcome[]; models: ModelSession; dryRun: boolean; signal: AbortSignal; batch: BatchReport | undefined;
}): RunRecord {
  const count = (status: BriefOutcome['status']): number => input.outcomes.filter((o) => o.status === status).length;
  const written = input.outcomes.filter((o) => o.publish && (o.publish.status === 'created' || o.publish.status === 'updated')).length;
  const unchanged = input.outcomes.filter((o) => o.publish?.status === 'unchanged').length;
  const totals = { briefs: input.outcomes.length, drafted: count('drafted'), flagged: count('flagged'), failed: count('failed'), deferred: count('deferred'), written, unchanged, modelCalls: input.models.calls() };
  const stoppedBy = input.models.budgetExceeded() ? 'budget' : input.signal.aborted ? 'signal' : undefined;
  const exitCode = stoppedBy === 'budget' ? EXIT.budget : totals.failed > 0 ? EXIT.failed : EXIT.ok;
  const models = [...new Set(input.outcomes.map((o) => o.model).filter((m): m is string => Boolean(m)))];
  return {
    runId: input.runId,
    startedAt: input.started.toISOString(),
    finishedAt: input.finished.toISOString(),
    durationMs: input.finished.getTime() - input.started.getTime(),
    provider: input.models.providerName,
    models,
    dryRun: input.dryRun,
    totals,
    usage: input.models.usage(),
    costUsd: input.models.costUsd(),
    cacheHitRate: input.models.cacheHitRate(),
    briefs: input.outcomes,
    exitCode,
    ...(stoppedBy ? { stoppedBy } : {}),
    ...(input.batch ? { batch: input.batch } : {}),
  };
}
