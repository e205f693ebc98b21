/** The review gate: collects what a human must look at before the draft is published (as a draft). */
import type { DraftDoc } from './document.ts';

/** Returns the document with the gate's flags added. */
export function reviewGate(doc: DraftDoc): DraftDoc {
  return doc;
}

/** Warnings about a brief found before any model call (e.g. text that tries to instruct the model). */
export function briefWarnings(_brief: import('./briefs/schema.ts').Brief): import('./messages.ts').LocatedMessage[] {
  return [];
}
