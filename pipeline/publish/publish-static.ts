/** The static target: `<output>/<slug>.md`, atomic writes, never over an editor's change or another brief. */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Dialect } from '../config/schema.ts';
import type { DraftDoc } from '../document.ts';
import { renderStaticDraft } from './render-static.ts';
import type { PublishResult, TargetRecords } from './types.ts';

export type StaticTarget = {
  readonly outputDir: string;
  readonly dialect: Dialect;
  readonly records: TargetRecords;
  /** Locations in results are shown relative to this folder (the project root). */
  readonly root: string;
};

export class UnsafeSlugError extends Error {
  override readonly name = 'UnsafeSlugError';
}

/** Resolves `<outputDir>/<slug>.md`, refusing any slug that would leave the folder. */
export function draftPath(outputDir: string, slug: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw new UnsafeSlugError(`Refusing slug \`${slug}\`: expected lowercase words joined by hyphens`);
  const root = path.resolve(outputDir);
  const file = path.resolve(root, `${slug}.md`);
  if (path.dirname(file) !== root) throw new UnsafeSlugError(`Refusing slug \`${slug}\`: it resolves outside ${outputDir}`);
  return file;
}

/** Writes one draft unless it is unchanged, edited by someone, or the slug belongs to another brief. */
export async function publishToStatic(doc: DraftDoc, runId: string, now: Date, target: StaticTarget): Promise<PublishResult> {
  const { job } = doc;
  const file = draftPath(target.outputDir, job.brief.slug);
  const shown = path.relative(target.root, file);
  const record = target.records.get(job.id);
  const owner = target.records.findBy((r) => r.location === file && r.briefId !== job.id);
  if (owner) {
    return { status: 'conflict', location: shown, rule: 'publish/slug-taken', message: `${shown} belongs to brief ${owner.briefId}; not overwritten` };
  }
  const onDisk = await readIfExists(file);
  if (onDisk !== undefined && !record) {
    return { status: 'conflict', location: shown, rule: 'publish/file-exists', message: `${shown} exists and was not written by copydesk; not overwritten` };
  }
  if (onDisk !== undefined && record && hashText(onDisk) !== record.contentHash) {
    return { status: 'kept', location: shown, rule: 'publish/edited', message: `${shown} was changed since copydesk wrote it; the editor's version is kept` };
  }
  if (onDisk !== undefined && record && record.jobHash === job.hash) {
    return { status: 'unchanged', location: shown };
  }
  const date = record?.date ?? now.toISOString().slice(0, 10);
  const text = renderStaticDraft(doc, { runId, date }, target.dialect);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
  await target.records.set({ briefId: job.id, location: file, jobHash: job.hash, contentHash: hashText(text), date, runId });
  return { status: record ? 'updated' : 'created', location: shown };
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
