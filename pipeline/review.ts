/** The review gate: collects what a human must look at before the draft is published (as a draft). */
import type { Brief } from './briefs/schema.ts';
import type { Config } from './config/schema.ts';
import type { DraftDoc } from './document.ts';
import { gateOptionsFromConfig, reviewDoc, scanBriefForInstructions } from './gate/index.ts';
import type { LocatedMessage } from './messages.ts';

/** Returns the document with the gate's flags added (numbers not in the brief, banned claims, injected instructions). */
export function reviewGate(doc: DraftDoc, config: Config): DraftDoc {
  return reviewDoc(doc, gateOptionsFromConfig(config.gate));
}

/** Warnings about a brief found before any model call (text that tries to instruct the model). */
export function briefWarnings(brief: Brief, config: Config): LocatedMessage[] {
  return config.gate.scan_briefs ? scanBriefForInstructions(brief) : [];
}
