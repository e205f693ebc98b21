/** A throwaway copydesk project (config, prompts, sample briefs) in a temp folder, and a captured CLI. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { main } from '../../pipeline/cli.ts';
import { initCommand } from '../../pipeline/cli/init-command.ts';
import type { Io } from '../../pipeline/cli/output.ts';

export type Captured = { code: number; stdout: string; stderr: string };

/** Scaffolds a project with `copydesk init` into a new temp folder; `configure` edits its parsed config. */
export async function makeProject(configure?: (config: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-'));
  const quiet: Io = { stdout: () => undefined, stderr: () => undefined, color: false };
  await initCommand({ dir, cwd: dir, io: quiet, json: false });
  if (configure) {
    const file = path.join(dir, 'copydesk.config.yaml');
    const config = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    configure(config);
    await writeFile(file, stringify(config));
  }
  return dir;
}

/** Config edit for runs against the local Anthropic server: limits that never make a test wait. */
export function fastModelLimits(config: Record<string, unknown>): void {
  const models = (config.models ?? {}) as Record<string, unknown>;
  config.models = { ...models, limits: { concurrency: 8, rpm: 100_000, itpm: 100_000_000, otpm: 100_000_000 } };
}

/** Runs the CLI in `cwd` with no API keys in the environment, capturing its output. */
export async function cli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += `${s}\n`), stderr: (s) => void (stderr += `${s}\n`), color: false };
  const code = await main(args, io, cwd, env);
  return { code, stdout, stderr };
}
