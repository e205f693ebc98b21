/** Jobs: one per brief, with a content hash of everything that shapes its output. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Brief, TargetKind } from './briefs/schema.ts';
import type { Config } from './config/schema.ts';
import type { DraftDoc, Job } from './document.ts';
import { sha256 } from './prompts/load-prompts.ts';

/** Bumped when a change in copydesk itself should redo every draft. */
export const PIPELINE_VERSION = '1';

/** Hash of every file under the prompts folder (templates, voice guide, style rules), path-sorted. */
export async function hashPromptFiles(promptsDir: string): Promise<string> {
  const files = (await listFiles(promptsDir)).sort();
  const parts: string[] = [];
  for (const file of files) parts.push(`${path.relative(promptsDir, file)}\u0000${sha256(await readFile(file))}`);
  return sha256(parts.join('\n'));
}

/** The config that shapes a draft's content (not folders, concurrency or limits). */
export function shapingConfig(config: Config): unknown {
  return { brand: config.brand, locale: config.locale, dialect: config.dialect, models: config.models, voice: config.voice, seo: config.seo, links: config.links, gate: config.gate };
}

/** Makes a job per brief; `targetOverride` replaces every brief's own target. */
export function planJobs(
  briefs: readonly Brief[],
  options: { readonly config: Config; readonly promptsHash: string; readonly provider: string; readonly targetOverride?: TargetKind | undefined },
): Job[] {
  const shaping = JSON.stringify(shapingConfig(options.config));
  return briefs.map((brief) => {
    const target = options.targetOverride ?? brief.data.target ?? options.config.target;
    const hash = sha256([PIPELINE_VERSION, brief.id, brief.hash, options.promptsHash, shaping, options.provider, target].join('\u0000'));
    return { id: brief.id, brief, target, hash };
  });
}

/** The document a job starts as, before the draft stage. */
export function initialDoc(job: Job): DraftDoc {
  return {
    job,
    title: job.brief.data.title,
    markdown: '',
    description: '',
    tags: [...(job.brief.data.tags ?? [])],
    model: '',
    flags: [],
    stages: {},
    fields: {},
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
