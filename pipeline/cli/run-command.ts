/** `copydesk run`: the pipeline over the briefs, a run record, and the summary. */
import { Presets, SingleBar } from 'cli-progress';
import type { TargetKind } from '../briefs/schema.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { formatSummary } from '../report/run-record.ts';
import { runPipeline } from '../run.ts';
import { paint, stderrLogger, type Io } from './output.ts';

export type RunCommandOptions = {
  readonly loaded: LoadedConfig;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly io: Io;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly paths: readonly string[];
  readonly target?: TargetKind | undefined;
  readonly dryRun?: boolean | undefined;
  readonly batch?: boolean | undefined;
  readonly wait?: boolean | undefined;
  readonly maxCost?: number | undefined;
  readonly concurrency?: number | undefined;
};

/** Runs the pipeline; SIGINT stops new work and lets in-flight briefs finish. Returns the exit code. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  const controller = new AbortController();
  const onSigint = (): void => {
    options.io.stderr('copydesk: interrupted; finishing the briefs in flight (Ctrl-C again to force)');
    process.off('SIGINT', onSigint);
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  const bar = options.io.color && !options.json ? new SingleBar({ stream: process.stderr, format: 'drafting [{bar}] {value}/{total} {id}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic) : undefined;
  let started = false;
  try {
    const { record, recordPath } = await runPipeline({
      loaded: options.loaded,
      cwd: options.cwd,
      paths: options.paths,
      target: options.target,
      dryRun: options.dryRun ?? false,
      concurrency: options.concurrency,
      maxCostUsd: options.maxCost,
      batch: options.batch ? { wait: options.wait ?? false } : undefined,
      env: options.env,
      logger: stderrLogger(options.io, options.verbose),
      signal: controller.signal,
      onProgress: ({ done, total, id, status }) => {
        if (bar) {
          if (!started) bar.start(total, 0, { id: '' });
          started = true;
          bar.update(done, { id });
        } else if (options.verbose) {
          options.io.stderr(`  ${done}/${total} ${id}: ${status}`);
        }
      },
    });
    bar?.stop();
    const summary = formatSummary(record, recordPath);
    options.io.stderr(record.exitCode === 0 ? summary : paint(options.io, record.totals.failed > 0 ? 'red' : 'yellow', summary));
    if (options.json) options.io.stdout(JSON.stringify(record));
    return record.exitCode;
  } finally {
    if (started) bar?.stop();
    process.off('SIGINT', onSigint);
  }
}
