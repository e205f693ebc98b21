/** Runs one job's stages in order, each result cached by content hash, so a crash resumes and nothing is paid twice. */
import type { DraftDoc, Job, Stage, StageContext } from './document.ts';
import { initialDoc } from './jobs.ts';
import { stageKey, type StageCache } from './state/stage-cache.ts';

export type StageRun = { readonly stage: string; readonly cached: boolean; readonly ms: number };

export type StagePlan = { readonly stage: Stage; /** Anything outside the job that shapes this stage (e.g. the link index). */ readonly fingerprint?: string };

/** Runs the stages for a job; returns the final document and which stages came from the cache. */
export async function runStages(
  job: Job,
  stages: readonly StagePlan[],
  ctx: StageContext,
  cache: StageCache,
): Promise<{ doc: DraftDoc; runs: StageRun[] }> {
  let doc = initialDoc(job);
  let key = job.hash;
  const runs: StageRun[] = [];
  for (const { stage, fingerprint } of stages) {
    key = stageKey(key, stage.name, fingerprint);
    const started = Date.now();
    const cached = await cache.get<DraftDoc>(key);
    if (cached) {
      // The cached document carries the job as it was; the job itself (paths, target) is today's.
      doc = { ...cached, job };
      runs.push({ stage: stage.name, cached: true, ms: Date.now() - started });
      continue;
    }
    ctx.signal.throwIfAborted();
    doc = await stage.run(doc, ctx);
    await cache.set(key, { ...doc, job: { id: job.id, hash: job.hash } });
    runs.push({ stage: stage.name, cached: false, ms: Date.now() - started });
  }
  return { doc, runs };
}

/** Whether every stage of a job is already cached (for `copydesk plan`). */
export async function cachedStages(job: Job, stages: readonly StagePlan[], cache: StageCache): Promise<{ stage: string; cached: boolean }[]> {
  let key = job.hash;
  const out: { stage: string; cached: boolean }[] = [];
  for (const { stage, fingerprint } of stages) {
    key = stageKey(key, stage.name, fingerprint);
    out.push({ stage: stage.name, cached: (await cache.get(key)) !== undefined });
  }
  return out;
}
