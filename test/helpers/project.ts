/** A throwaway copydesk project (config, prompts, sample briefs) in a temp folder, and a captured CLI. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../pipeline/cli.ts';
import { initCommand } from '../../pipeline/cli/init-command.ts';
import type { Io } from '../../pipeline/cli/output.ts';

export type Captured = { code: number; stdout: string; stderr: string };

/** Scaffolds a project with `copydesk init` into a new temp folder. */
export async function makeProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-'));
  const quiet: Io = { stdout: () => undefined, stderr: () => undefined, color: false };
  await initCommand({ dir, cwd: dir, io: quiet, json: false });
  return dir;
}

/** Runs the CLI in `cwd` with no API keys in the environment, capturing its output. */
export async function cli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += `${s}\n`), stderr: (s) => void (stderr += `${s}\n`), color: false };
  const code = await main(args, io, cwd, env);
  return { code, stdout, stderr };
}
