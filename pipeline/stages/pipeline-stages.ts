/** The stages in flow order, with what outside the job shapes each one. */
import type { Config } from '../config/schema.ts';
import type { DraftDoc, Stage } from '../document.ts';
import { createLinksStage, fingerprintLinks, openLinkIndex, type LinkIndex } from '../links/index.ts';
import type { StagePlan } from '../process-job.ts';
import { applyLinkRules } from '../seo/index.ts';
import { seoStage } from '../seo/index.ts';
import { createVoiceStage, voiceFingerprint } from '../voice/index.ts';
import { draftStage } from './draft.ts';

export type StageSetup = { readonly config: Config; readonly root: string; readonly stateDir: string; readonly signal?: AbortSignal };

/** draft → voice → seo → links (then the SEO checks that need the links). */
export async function pipelineStages(setup: StageSetup): Promise<StagePlan[]> {
  const stages: StagePlan[] = [
    { stage: draftStage },
    { stage: createVoiceStage({ root: setup.root }), fingerprint: voiceFingerprint(setup.config.voice, setup.root) },
    { stage: seoStage },
  ];
  if (!setup.config.links.enabled) return stages;
  const index = await openLinkIndex({ config: setup.config, root: setup.root, ...(setup.signal ? { signal: setup.signal } : {}) });
  const fingerprint = fingerprintLinks(index, setup.config.links);
  stages.push({ stage: createLinksStage(index), fingerprint }, { stage: createLinkChecksStage(index), fingerprint });
  return stages;
}

/** The SEO checks that look at links (internal links, competing anchors, cannibalisation), after the links stage. */
export function createLinkChecksStage(index: LinkIndex): Stage {
  const focus = new Map<string, string>();
  for (const page of index.pages.values()) if (page.keyphrase) focus.set(page.keyphrase.toLowerCase(), page.url);
  return {
    name: 'seo-links',
    async run(doc: DraftDoc, ctx) {
      if (!ctx.config.seo.enabled) return doc;
      return applyLinkRules(doc, { config: ctx.config, inventoryFocus: focus });
    },
  };
}
