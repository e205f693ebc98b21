/** Validates a product brief's `images:` before anything is sent: present, a supported type, small enough. */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LocatedMessage } from '../messages.ts';
import type { ImageMediaType } from '../models/types.ts';
import type { ProductBrief } from './schema.ts';

/** Largest image the Messages API accepts, in bytes (5 MB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Detects an image type from its first bytes (the extension is not trusted). */
export function sniffImageType(head: Uint8Array): ImageMediaType | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp';
  return undefined;
}

/** Resolves an image path of a brief (relative to the brief's folder). */
export function resolveImage(briefDir: string, image: string): string {
  return path.resolve(briefDir, image);
}

/** Checks every image of a product brief; returns located errors (line of the `images` key). */
export async function checkImages(brief: ProductBrief, briefDir: string): Promise<LocatedMessage[]> {
  const messages: LocatedMessage[] = [];
  const line = imagesLine(brief);
  for (const image of brief.data.images ?? []) {
    const file = resolveImage(briefDir, image);
    const at = (rule: string, message: string): LocatedMessage => ({ file: brief.file, line, column: 1, rule, severity: 'error', message });
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      messages.push(at('brief/image-missing', `Image \`${image}\` not found (looked for ${path.relative(process.cwd(), file)})`));
      continue;
    }
    if (size > MAX_IMAGE_BYTES) {
      messages.push(at('brief/image-too-large', `Image \`${image}\` is ${size} bytes, expected at most ${MAX_IMAGE_BYTES} (5 MB)`));
      continue;
    }
    const handle = await open(file, 'r');
    const head = new Uint8Array(12);
    try {
      await handle.read(head, 0, 12, 0);
    } finally {
      await handle.close();
    }
    if (!sniffImageType(head)) {
      messages.push(at('brief/image-type', `Image \`${image}\` is not a JPEG, PNG, GIF or WebP file`));
    }
  }
  return messages;
}

function imagesLine(brief: ProductBrief): number {
  return brief.keyLines?.images ?? 1;
}
