/** The stages in flow order, with what outside the job shapes each one. */
import type { Config } from '../config/schema.ts';
import type { StagePlan } from '../process-job.ts';
import { draftStage } from './draft.ts';

export type StageSetup = { readonly config: Config; readonly root: string; readonly stateDir: string };

/** draft → voice → seo → links; later stages join as they are built. */
export async function pipelineStages(_setup: StageSetup): Promise<StagePlan[]> {
  return [{ stage: draftStage }];
}
