/** `copydesk plan`: what would run and why (new, changed, cached), before anything is spent. */
import path from 'node:path';
import { readProjectBriefs } from '../briefs/read-briefs.ts';
import type { TargetKind } from '../briefs/schema.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { hashPromptFiles, planJobs } from '../jobs.ts';
import { formatMessage } from '../messages.ts';
import { cachedStages } from '../process-job.ts';
import { loadTargetRecords } from '../publish/types.ts';
import { createStageCache } from '../state/stage-cache.ts';
import { pipelineStages } from '../stages/pipeline-stages.ts';
import { createModelSession } from '../model-session.ts';
import { initialDoc } from '../jobs.ts';
import { createPromptSet } from '../prompts/load-prompts.ts';
import { buildDraftRequest } from '../stages/draft.ts';
import type { Io } from './output.ts';

export type PlanOptions = {
  readonly loaded: LoadedConfig;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly io: Io;
  readonly json: boolean;
  readonly paths: readonly string[];
  readonly target?: TargetKind | undefined;
};

export type PlanEntry = {
  readonly id: string;
  readonly file: string;
  readonly target: string;
  /** new: never drafted; changed: drafted from other inputs; cached: nothing to do. */
  readonly reason: 'new' | 'changed' | 'cached';
  readonly stages: readonly { stage: string; cached: boolean }[];
  /** Estimate of the drafting call when it has to run: input tokens, worst case in dollars. */
  readonly estimate?: { readonly inputTokens: number; readonly maxOutputTokens: number; readonly worstCaseUsd: number; readonly source: string };
};

/** Prints the plan; exit 1 when some briefs are invalid (they are listed), else 0. */
export async function planCommand(options: PlanOptions): Promise<number> {
  const { config, root } = options.loaded;
  const stateDir = path.resolve(root, config.state);
  const read = await readProjectBriefs(options.loaded, options.paths, options.cwd);
  const prompts = createPromptSet(path.resolve(root, config.prompts), config.models, root);
  const models = createModelSession({ config, prompts, env: options.env, runId: 'plan', stateDir, maxCostUsd: undefined, batch: false, signal: new AbortController().signal });
  const jobs = planJobs(read.briefs, { config, promptsHash: await hashPromptFiles(path.resolve(root, config.prompts)), provider: models.providerName, targetOverride: options.target });
  const stages = await pipelineStages({ config, root, stateDir });
  const cache = createStageCache(stateDir);
  const records = await loadTargetRecords(stateDir, 'static');
  const entries: PlanEntry[] = [];
  for (const job of jobs) {
    const stageStates = await cachedStages(job, stages, cache);
    const record = records.get(job.id);
    const reason = stageStates.every((s) => s.cached) && record?.jobHash === job.hash ? 'cached' : record ? 'changed' : 'new';
    const needsDraft = stageStates.find((s) => s.stage === 'draft')?.cached === false;
    const request = needsDraft ? await buildDraftRequest(initialDoc(job), { prompts, config }) : undefined;
    const estimate = request ? { ...(await models.estimate(request)), maxOutputTokens: request.maxTokens } : undefined;
    entries.push({ id: job.id, file: job.brief.file, target: job.target, reason, stages: stageStates, ...(estimate ? { estimate } : {}) });
  }
  await models.close();
  const totalInput = entries.reduce((a, e) => a + (e.estimate?.inputTokens ?? 0), 0);
  const totalUsd = entries.reduce((a, e) => a + (e.estimate?.worstCaseUsd ?? 0), 0);
  const errors = read.messages.filter((m) => m.severity === 'error');
  if (options.json) {
    options.io.stdout(JSON.stringify({ provider: models.providerName, briefs: entries, invalid: errors, estimate: { inputTokens: totalInput, worstCaseUsd: totalUsd } }));
  } else {
    options.io.stderr(`copydesk plan (${models.providerName} model)`);
    for (const e of entries) {
      const todo = e.stages.filter((s) => !s.cached).map((s) => s.stage);
      const cost = e.estimate ? `  ~${e.estimate.inputTokens} input tokens, at most $${e.estimate.worstCaseUsd.toFixed(4)} (${e.estimate.source})` : '';
      options.io.stderr(`  ${e.reason.padEnd(7)} ${e.id} → ${e.target}${todo.length > 0 ? `  stages to run: ${todo.join(', ')}` : '  (all stages cached)'}${cost}`);
    }
    for (const m of errors) options.io.stderr(`  invalid ${formatMessage(m)}`);
    const todo = entries.filter((e) => e.reason !== 'cached').length;
    options.io.stderr(`${entries.length} briefs: ${todo} to draft, ${entries.length - todo} cached, ${new Set(errors.map((m) => m.file)).size} invalid`);
    options.io.stderr(`drafting calls: ~${totalInput} input tokens, at most $${totalUsd.toFixed(4)} at list price (input + max_tokens; voice rewrites and metadata calls come on top, on the cheaper model)`);
  }
  return errors.length > 0 ? 1 : 0;
}
