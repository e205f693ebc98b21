/** `copydesk watch`: a run now, then one after every change to briefs, prompts or config (debounced). */
import path from 'node:path';
import { watch } from 'chokidar';
import type { TargetKind } from '../briefs/schema.ts';
import { loadConfig, type LoadedConfig } from '../config/load-config.ts';
import { ConfigError, LockHeldError } from '../errors.ts';
import { formatMessage } from '../messages.ts';
import { formatSummary } from '../report/run-record.ts';
import { runPipeline } from '../run.ts';
import { stderrLogger, type Io } from './output.ts';

export type WatchOptions = {
  readonly loaded: LoadedConfig;
  readonly configFile?: string | undefined;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly io: Io;
  readonly json: boolean;
  readonly target?: TargetKind | undefined;
  /** Quiet period after the last change before a run starts (default: `750` ms). */
  readonly debounceMs?: number;
  /** Stops watching (default: SIGINT). */
  readonly signal?: AbortSignal;
};

/** Watches until the signal (or Ctrl-C); resolves to 0. Each run only redoes what changed. */
export async function watchCommand(options: WatchOptions): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  options.signal?.addEventListener('abort', stop);
  process.once('SIGINT', stop);
  let loaded = options.loaded;
  const { root, config } = loaded;
  const watched = [path.resolve(root, config.briefs), path.resolve(root, config.prompts), ...(loaded.file ? [loaded.file] : [])];
  const watcher = watch(watched, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 } });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runOnce = async (): Promise<void> => {
    try {
      loaded = loadConfig(options.cwd, options.configFile, options.env);
      const { record, recordPath } = await runPipeline({ loaded, cwd: options.cwd, paths: [], target: options.target, env: options.env, logger: stderrLogger(options.io), signal: controller.signal });
      options.io.stderr(formatSummary(record, recordPath));
      if (options.json) options.io.stdout(JSON.stringify(record));
    } catch (error) {
      if (error instanceof ConfigError) for (const m of error.messages) options.io.stderr(formatMessage(m));
      else if (error instanceof LockHeldError) options.io.stderr(`copydesk watch: ${error.message}; will try again on the next change`);
      else throw error;
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(runOnce);
    }, options.debounceMs ?? 750);
  };

  watcher.on('all', schedule);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.io.stderr(`copydesk watch: watching ${watched.map((w) => path.relative(options.cwd, w) || '.').join(', ')} (Ctrl-C to stop)`);
  running = running.then(runOnce);
  await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
  clearTimeout(timer);
  await watcher.close();
  await running;
  process.off('SIGINT', stop);
  return 0;
}
