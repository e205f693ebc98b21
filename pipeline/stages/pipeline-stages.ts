/** The stages in flow order, with what outside the job shapes each one. */
import type { Config } from '../config/schema.ts';
import type { StagePlan } from '../process-job.ts';
import { seoStage } from '../seo/index.ts';
import { createVoiceStage, voiceFingerprint } from '../voice/index.ts';
import { draftStage } from './draft.ts';

export type StageSetup = { readonly config: Config; readonly root: string; readonly stateDir: string };

/** draft → voice → seo → links. */
export async function pipelineStages(setup: StageSetup): Promise<StagePlan[]> {
  return [{ stage: draftStage }, { stage: createVoiceStage({ root: setup.root }), fingerprint: voiceFingerprint(setup.config.voice, setup.root) }, { stage: seoStage }];
}
