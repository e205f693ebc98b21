/** Finds brief files under the given paths, reads them, and reports every problem located. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LocatedMessage } from '../messages.ts';
import { parseBrief } from './parse-brief.ts';
import type { Brief } from './schema.ts';
import { checkImages } from './check-images.ts';

export type ReadBriefsOptions = {
  /** Files or folders (folders are searched recursively for `*.md`). */
  readonly paths: readonly string[];
  /** The configured briefs folder: ids are relative to it when a file lies inside it. */
  readonly briefsDir: string;
  readonly maxBytes: number;
  /** Working directory messages are relative to. */
  readonly cwd: string;
};

export type ReadBriefsResult = {
  /** Valid briefs, in path order, duplicates removed. */
  readonly briefs: readonly Brief[];
  readonly messages: readonly LocatedMessage[];
  /** Number of files looked at. */
  readonly files: number;
};

/** Reads and validates every brief; one bad file never stops the others. */
export async function readBriefs(options: ReadBriefsOptions): Promise<ReadBriefsResult> {
  const messages: LocatedMessage[] = [];
  const found = await findBriefFiles(options, messages);
  const briefs: Brief[] = [];
  for (const { absolute, root } of found) {
    const file = path.relative(options.cwd, absolute) || absolute;
    const bytes = await readFile(absolute);
    const defaultId = path.relative(root, absolute).replace(/\.md$/i, '').split(path.sep).join('/');
    const result = parseBrief({ file, bytes, defaultId, maxBytes: options.maxBytes });
    messages.push(...result.messages);
    if (!result.brief) continue;
    const imageMessages = result.brief.kind === 'product' ? await checkImages(result.brief, path.dirname(absolute)) : [];
    messages.push(...imageMessages);
    if (imageMessages.some((m) => m.severity === 'error')) continue;
    briefs.push(result.brief);
  }
  const { unique, duplicates } = findDuplicateBriefs(briefs);
  return { briefs: unique, messages: [...messages, ...duplicates], files: found.length };
}

/** Reports the second of two briefs with the same id or slug (naming the first). Pure. */
export function findDuplicateBriefs(briefs: readonly Brief[]): { unique: Brief[]; duplicates: LocatedMessage[] } {
  const byId = new Map<string, Brief>();
  const bySlug = new Map<string, Brief>();
  const unique: Brief[] = [];
  const duplicates: LocatedMessage[] = [];
  for (const brief of briefs) {
    const sameId = byId.get(brief.id);
    const sameSlug = bySlug.get(brief.slug);
    if (sameId) {
      duplicates.push({ file: brief.file, line: 1, column: 1, rule: 'brief/duplicate-id', severity: 'error', message: `Brief id \`${brief.id}\` is already used by ${sameId.file}` });
      continue;
    }
    if (sameSlug) {
      duplicates.push({ file: brief.file, line: 1, column: 1, rule: 'brief/duplicate-slug', severity: 'error', message: `Slug \`${brief.slug}\` is already used by ${sameSlug.file}; set a different \`slug\`` });
      continue;
    }
    byId.set(brief.id, brief);
    bySlug.set(brief.slug, brief);
    unique.push(brief);
  }
  return { unique, duplicates };
}

type Found = { absolute: string; root: string };

async function findBriefFiles(options: ReadBriefsOptions, messages: LocatedMessage[]): Promise<Found[]> {
  const briefsRoot = path.resolve(options.cwd, options.briefsDir);
  const seen = new Set<string>();
  const found: Found[] = [];
  const rootFor = (absolute: string, given: string): string =>
    isInside(absolute, briefsRoot) ? briefsRoot : given;

  for (const given of options.paths) {
    const absolute = path.resolve(options.cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      messages.push({ file: given, line: 1, column: 1, rule: 'brief/not-found', severity: 'error', message: `No such file or folder \`${given}\`` });
      continue;
    }
    const files = info.isDirectory() ? await walkMarkdown(absolute) : [absolute];
    const root = info.isDirectory() ? absolute : path.dirname(absolute);
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      found.push({ absolute: file, root: rootFor(file, root) });
    }
  }
  return found.sort((a, b) => a.absolute.localeCompare(b.absolute));
}

/** Every `*.md` below `dir`, skipping dot- and underscore-prefixed entries and README.md. */
async function walkMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkMarkdown(full)));
    else if (entry.isFile() && /\.md$/i.test(entry.name) && entry.name.toLowerCase() !== 'readme.md') out.push(full);
  }
  return out;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Reads the briefs a command names (default: the configured briefs folder) with the project's settings. */
export function readProjectBriefs(
  project: { readonly config: { readonly briefs: string; readonly max_brief_bytes: number }; readonly root: string },
  paths: readonly string[],
  cwd: string,
): Promise<ReadBriefsResult> {
  const briefsDir = path.resolve(project.root, project.config.briefs);
  return readBriefs({ paths: paths.length > 0 ? paths : [briefsDir], briefsDir, maxBytes: project.config.max_brief_bytes, cwd });
}
