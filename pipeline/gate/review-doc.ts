/** The gate as the orchestrator calls it: a document in, the same document with the gate's flags out. */
import type { DraftDoc, ReviewFlag } from '../document.ts';
import { reviewDraft, type GateOptions } from './review-draft.ts';

/**
 * Runs the review gate on a finished document and appends its flags to `doc.flags`.
 * Title and description are checked with the other front-matter fields. Refusal and truncation
 * come from the draft stage's own flags; a flag already on the document is not added twice. Pure.
 */
export function reviewDoc(doc: DraftDoc, options: GateOptions = {}): DraftDoc {
  const gateFlags = reviewDraft(
    { brief: doc.job.brief, markdown: doc.markdown, fields: { title: doc.title, description: doc.description, ...doc.fields } },
    options,
  );
  const seen = new Set(doc.flags.map(flagKey));
  const added = gateFlags.filter((f) => !seen.has(flagKey(f)));
  return added.length === 0 ? doc : { ...doc, flags: [...doc.flags, ...added] };
}

function flagKey(flag: ReviewFlag): string {
  return `${flag.rule}\u0000${flag.message}\u0000${flag.line ?? ''}:${flag.column ?? ''}`;
}
