/** The link index on disk: `<state>/links/index.json`, written atomically. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { restoreLinkIndex, serializeLinkIndex, type LinkIndex, type SerializedIndex } from './link-index.ts';

export const INDEX_FILE = 'index.json';

export class LinkIndexError extends Error {
  override readonly name = 'LinkIndexError';
}

/** The folder the index lives in: `<root>/<state>/links`. */
export function linksStateDir(root: string, state: string): string {
  return path.resolve(root, state, 'links');
}

/** Writes the index; returns the file and its size in bytes. */
export async function saveLinkIndex(index: LinkIndex, dir: string): Promise<{ file: string; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, INDEX_FILE);
  const json = JSON.stringify(serializeLinkIndex(index));
  await writeFileAtomic(file, json);
  return { file, bytes: Buffer.byteLength(json) };
}

/** Reads the index, or `undefined` when none was built yet. Throws `LinkIndexError` on a damaged file. */
export function loadLinkIndex(dir: string): LinkIndex | undefined {
  const file = path.join(dir, INDEX_FILE);
  if (!existsSync(file)) return undefined;
  let data: SerializedIndex;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as SerializedIndex;
  } catch (error) {
    throw new LinkIndexError(`${file} is not valid JSON; run \`copydesk links sync --rebuild\``, { cause: error });
  }
  if (data.version !== 3) throw new LinkIndexError(`${file} has format version ${String(data.version)}, expected 3; run \`copydesk links sync --rebuild\``);
  return restoreLinkIndex(data);
}
