/** Sends a reviewed draft to its target, always as a draft. */
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { DraftDoc } from '../document.ts';
import { draftPath, publishToStatic } from './publish-static.ts';
import { loadTargetRecords, type PublishResult, type TargetRecords } from './types.ts';

export type Publisher = {
  readonly root: string;
  readonly config: Config;
  readonly stateDir: string;
  readonly runId: string;
  readonly now: () => Date;
  readonly dryRun: boolean;
};

const records = new WeakMap<Publisher, Promise<TargetRecords>>();

/** Publishes one draft to the job's target; `dryRun` reports where it would go and writes nothing. */
export async function publishDraft(doc: DraftDoc, publisher: Publisher): Promise<PublishResult> {
  const target = doc.job.target;
  if (target !== 'static') {
    return { status: 'conflict', location: target, rule: 'publish/target-unavailable', message: `The ${target} target is not available in this version of copydesk; use --target static` };
  }
  const outputDir = path.resolve(publisher.root, publisher.config.output);
  if (publisher.dryRun) {
    return { status: 'unchanged', location: path.relative(publisher.root, draftPath(outputDir, doc.job.brief.slug)), message: 'dry run: nothing written' };
  }
  let loaded = records.get(publisher);
  if (!loaded) {
    loaded = loadTargetRecords(publisher.stateDir, 'static');
    records.set(publisher, loaded);
  }
  return publishToStatic(doc, publisher.runId, publisher.now(), { outputDir, dialect: publisher.config.dialect, records: await loaded, root: publisher.root });
}
