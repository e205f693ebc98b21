/** The link index on disk: `<state>/links/index.json`, JSON lines written one at a time and renamed into place. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { INDEX_FORMAT, restoreLinkIndex, serializeLinkIndex, type IndexHeader, type IndexSection, type LinkIndex } from './link-index.ts';

export const INDEX_FILE = 'index.json';

export class LinkIndexError extends Error {
  override readonly name = 'LinkIndexError';
}

/** The folder the index lives in: `<root>/<state>/links`. */
export function linksStateDir(root: string, state: string): string {
  return path.resolve(root, state, 'links');
}

/** Writes the index (to a temporary file, then renamed); returns the file and its size in bytes. */
export async function saveLinkIndex(index: LinkIndex, dir: string): Promise<{ file: string; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, INDEX_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  let bytes = 0;
  try {
    for (const line of serializeLinkIndex(index)) {
      const buffer = Buffer.from(`${line}\n`);
      await handle.write(buffer);
      bytes += buffer.length;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  return { file, bytes };
}

function* splitLines(buffer: Buffer, from: number): Generator<string> {
  let start = from;
  while (start < buffer.length) {
    const end = buffer.indexOf(10, start);
    const stop = end < 0 ? buffer.length : end;
    if (stop > start) yield buffer.toString('utf8', start, stop);
    start = stop + 1;
  }
}

/** Reads the index, or `undefined` when none was built yet. Throws `LinkIndexError` on a damaged or older file. */
export function loadLinkIndex(dir: string): LinkIndex | undefined {
  const file = path.join(dir, INDEX_FILE);
  if (!existsSync(file)) return undefined;
  const rebuild = 'run `copydesk links sync --rebuild`';
  const buffer = readFileSync(file);
  const first = buffer.indexOf(10);
  let header: IndexHeader;
  try {
    header = JSON.parse(buffer.toString('utf8', 0, first < 0 ? buffer.length : first)) as IndexHeader;
  } catch (error) {
    throw new LinkIndexError(`${file} is not valid JSON; ${rebuild}`, { cause: error });
  }
  if (header.version !== INDEX_FORMAT) throw new LinkIndexError(`${file} has format version ${String(header.version)}, expected ${INDEX_FORMAT}; ${rebuild}`);
  let line = 1;
  const sections = function* (): Generator<IndexSection> {
    for (const text of splitLines(buffer, first < 0 ? buffer.length : first + 1)) {
      line += 1;
      yield JSON.parse(text) as IndexSection;
    }
  };
  try {
    return restoreLinkIndex(header, sections());
  } catch (error) {
    if (error instanceof SyntaxError) throw new LinkIndexError(`${file}:${line} is not valid JSON; ${rebuild}`, { cause: error });
    throw error;
  }
}
