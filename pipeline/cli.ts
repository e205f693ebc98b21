/** The `copydesk` command line. Errors map to exit codes here and only here. */
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { TARGETS, type TargetKind } from './briefs/schema.ts';
import { checkCommand } from './cli/check-command.ts';
import { initCommand } from './cli/init-command.ts';
import { planCommand } from './cli/plan-command.ts';
import { runCommand } from './cli/run-command.ts';
import { watchCommand } from './cli/watch-command.ts';
import { paint, processIo, type Io } from './cli/output.ts';
import { loadConfig, loadEnvFile, type LoadedConfig } from './config/load-config.ts';
import { ConfigError, EXIT, LockHeldError, UsageError } from './errors.ts';
import { formatMessage } from './messages.ts';
import { InventoryFileError, InventoryTooLargeError, LinkIndexError, SitemapError, linksCommand } from './links/index.ts';
import { seoCheckCommand } from './seo/index.ts';
import { voiceLintCommand } from './voice/index.ts';

type Globals = { config?: string; json?: boolean; verbose?: boolean };

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo(), cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('copydesk')
    .description('Headless AI content pipeline: briefs in, reviewed drafts out.')
    .option('--config <file>', 'config file (default: nearest copydesk.config.yaml)')
    .option('--json', 'machine-readable output on stdout')
    .option('--verbose', 'more detail on stderr')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stderr(s), writeErr: (s) => io.stderr(s) })
    .showSuggestionAfterError();

  const load = (): LoadedConfig => {
    const globals = program.opts<Globals>();
    const loaded = loadConfig(cwd, globals.config, env);
    loadEnvFile(loaded.root);
    return loaded;
  };
  const json = (): boolean => program.opts<Globals>().json === true;
  const targetOption = new Option('--target <target>', 'publish every brief to this target').choices(TARGETS);

  program
    .command('run')
    .description('draft every brief (or the given files and folders) and publish the drafts')
    .argument('[briefs...]', 'brief files or folders')
    .addOption(targetOption)
    .option('--dry-run', 'run the stages but write no drafts')
    .option('--batch', 'send model requests as a Message Batch (nightly runs)')
    .option('--wait', 'with --batch: wait for the batch and finish the run')
    .option('--max-cost <usd>', 'cost budget for this run in US dollars', parseUsd)
    .option('--concurrency <n>', 'briefs in flight at once', parsePositiveInt)
    .action(async (briefs: string[], opts: { target?: TargetKind; dryRun?: boolean; batch?: boolean; wait?: boolean; maxCost?: number; concurrency?: number }) => {
      exitCode = await runCommand({ loaded: load(), cwd, env, io, json: json(), verbose: program.opts<Globals>().verbose === true, paths: briefs, ...opts });
    });

  program
    .command('watch')
    .description('run now, then again whenever briefs, prompts or config change')
    .addOption(new Option('--target <target>', 'publish every brief to this target').choices(TARGETS))
    .action(async (opts: { target?: TargetKind }) => {
      exitCode = await watchCommand({ loaded: load(), configFile: program.opts<Globals>().config, cwd, env, io, json: json(), target: opts.target });
    });

  program
    .command('check')
    .description('validate briefs and config; located messages; no model calls')
    .argument('[briefs...]', 'brief files or folders')
    .action(async (briefs: string[]) => {
      exitCode = await checkCommand({ loaded: load(), cwd, io, json: json(), paths: briefs });
    });

  program
    .command('plan')
    .description('what would run, which stages are cached, estimated tokens and cost')
    .argument('[briefs...]', 'brief files or folders')
    .addOption(new Option('--target <target>', 'publish every brief to this target').choices(TARGETS))
    .action(async (briefs: string[], opts: { target?: TargetKind }) => {
      exitCode = await planCommand({ loaded: load(), cwd, env, io, json: json(), paths: briefs, target: opts.target });
    });

  const voice = program.command('voice').description('brand-voice rules');
  voice
    .command('lint')
    .description('lint Markdown files with the brand-voice rules (Vale-compatible output)')
    .argument('<files...>', 'Markdown files')
    .option('--vale-config <file>', "use a team's existing .vale.ini")
    .action(async (files: string[], opts: { valeConfig?: string }) => {
      const { config, root } = load();
      exitCode = await voiceLintCommand(files, { json: json(), config, cwd, root, stdout: io.stdout, stderr: io.stderr, ...(opts.valeConfig ? { valeConfig: opts.valeConfig } : {}) });
    });

  const seo = program.command('seo').description('SEO checks');
  seo
    .command('check')
    .description('run the SEO checks on drafted Markdown files with front matter')
    .argument('<files...>', 'drafted Markdown files')
    .action(async (files: string[]) => {
      exitCode = await seoCheckCommand(files, { json: json(), config: load().config, cwd, stdout: io.stdout, stderr: io.stderr });
    });

  program
    .command('links')
    .description('build or show the site inventory and link index; suggest links on benchmark data')
    .argument('<action>', 'sync | inspect | suggest')
    .argument('[args...]', 'for inspect: a URL or a draft file')
    .option('--rebuild', 'sync: rebuild the index from scratch')
    .option('--inventory <file>', 'suggest: inventory JSONL')
    .option('--cases <file>', 'suggest: cases JSONL (articles with their links removed)')
    .option('--out <file>', 'suggest: where to write the suggestions JSONL')
    .action(async (action: string, args: string[], opts: { rebuild?: boolean; inventory?: string; cases?: string; out?: string }) => {
      if (action !== 'sync' && action !== 'inspect' && action !== 'suggest') throw new UsageError(`Expected \`links sync\`, \`links inspect\` or \`links suggest\`, got \`links ${action}\``);
      const { config, root } = load();
      exitCode = await linksCommand(action, args, { json: json(), config, cwd, root, stdout: io.stdout, stderr: io.stderr, ...definedOnly(opts) });
    });

  program
    .command('init')
    .description('scaffold config, prompts, a voice guide and sample briefs')
    .argument('[dir]', 'folder to create or fill', '.')
    .action(async (dir: string) => {
      exitCode = await initCommand({ dir: path.resolve(cwd, dir), cwd, io, json: json() });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    return handleError(error, io);
  }
  return exitCode;
}

function handleError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    for (const m of error.messages) io.stderr(formatMessage(m));
    io.stderr(paint(io, 'red', error.message));
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(paint(io, 'red', `copydesk: ${error.message}`));
    return EXIT.usage;
  }
  if (error instanceof InventoryFileError || error instanceof SitemapError || error instanceof LinkIndexError || error instanceof InventoryTooLargeError) {
    io.stderr(paint(io, 'red', `copydesk: ${error.message}`));
    return EXIT.usage;
  }
  if (error instanceof LockHeldError) {
    io.stderr(paint(io, 'red', `copydesk: ${error.message}`));
    return EXIT.locked;
  }
  throw error;
}

/** Drops undefined options (exactOptionalPropertyTypes). */
function definedOnly<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

function parseUsd(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`Expected --max-cost to be a non-negative number of dollars, got \`${value}\``);
  return n;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`Expected a positive whole number, got \`${value}\``);
  return n;
}
