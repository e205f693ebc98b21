/** `copydesk init [DIR]`: scaffold config, prompts, a voice guide and sample briefs; never overwrites. */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Io } from './output.ts';

/** The package's own folder, where the scaffold comes from. */
const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCAFFOLD = ['copydesk.config.yaml', 'prompts', 'briefs', 'site'];

export type InitOptions = { readonly dir: string; readonly cwd: string; readonly io: Io; readonly json: boolean };

/** Copies the scaffold into `dir`; existing files are kept and listed. */
export async function initCommand(options: InitOptions): Promise<number> {
  const created: string[] = [];
  const kept: string[] = [];
  for (const entry of SCAFFOLD) {
    for (const source of await listFiles(path.join(PACKAGE_ROOT, entry))) {
      const destination = path.join(options.dir, path.relative(PACKAGE_ROOT, source));
      const shown = path.relative(options.cwd, destination) || destination;
      if (await exists(destination)) {
        kept.push(shown);
        continue;
      }
      await mkdir(path.dirname(destination), { recursive: true });
      await copyFile(source, destination);
      created.push(shown);
    }
  }
  if (options.json) options.io.stdout(JSON.stringify({ created, kept }));
  else {
    for (const file of created) options.io.stderr(`  created ${file}`);
    for (const file of kept) options.io.stderr(`  kept    ${file} (already there)`);
    options.io.stderr(`copydesk init: ${created.length} files created, ${kept.length} kept. Next: edit copydesk.config.yaml and prompts/brand/voice.md, then run \`copydesk check\`.`);
  }
  return 0;
}

async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const out: string[] = [];
  for (const entry of await readdir(target, { withFileTypes: true })) {
    out.push(...(await listFiles(path.join(target, entry.name))));
  }
  return out;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
