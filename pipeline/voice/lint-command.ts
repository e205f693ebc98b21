/** `copydesk voice lint FILE…`: the brand rules alone on any Markdown file, printed like Vale. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import type { LocatedMessage } from '../messages.ts';
import { assessVoice, loadVoiceRules } from './load-voice-rules.ts';

export type VoiceLintOptions = {
  /** Print a JSON array of `{file, line, column, rule, severity, message}` on stdout. */
  readonly json: boolean;
  /** A team's `.vale.ini` (relative to `cwd`), used instead of the `voice:` config. */
  readonly valeConfig?: string;
  readonly config: Config;
  readonly cwd: string;
  /** Project root for `voice.styles` and `voice.vale_config` (default: `cwd`). */
  readonly root?: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
};

/** Formats one alert the way Vale's CLI lists it: `file:line:col level message rule`. */
export function formatVoiceAlert(a: LocatedMessage): string {
  return `${a.file}:${a.line}:${a.column} ${a.severity} ${a.message} ${a.rule}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Lints each file; human lines go to stderr (as every copydesk command's human output does),
 * `--json` prints one array on stdout. Returns 1 when an error-level alert is found, 2 when a file
 * cannot be read, else 0.
 */
export async function voiceLintCommand(files: string[], options: VoiceLintOptions): Promise<number> {
  const root = options.root ?? options.cwd;
  const valeConfig = options.valeConfig === undefined ? undefined : path.resolve(options.cwd, options.valeConfig);
  const messages: LocatedMessage[] = [];
  const warned = new Set<string>();
  let unreadable = false;
  for (const file of files) {
    const absolute = path.resolve(options.cwd, file);
    let source: string;
    try {
      source = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      unreadable = true;
      options.stderr(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    const rules = loadVoiceRules(options.config.voice, root, valeConfig === undefined ? { file: absolute } : { valeConfig, file: absolute });
    for (const warning of rules.warnings) {
      if (!warned.has(warning)) options.stderr(`warning: ${warning}`);
      warned.add(warning);
    }
    const report = assessVoice(source, rules, { file, weights: options.config.voice.weights });
    for (const a of report.alerts) messages.push({ file: a.file, line: a.line, column: a.column, rule: a.rule, severity: a.severity, message: a.message });
    if (!options.json) {
      for (const a of report.alerts) options.stderr(formatVoiceAlert(a));
      options.stderr(`${file}: voice score ${report.score} (${plural(report.words, 'word')}, ${plural(report.alerts.length, 'alert')})`);
    }
  }
  if (options.json) options.stdout(JSON.stringify(messages));
  else {
    const errors = messages.filter((m) => m.severity === 'error').length;
    const warnings = messages.filter((m) => m.severity === 'warning').length;
    options.stderr(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} and ${plural(messages.length - errors - warnings, 'suggestion')} in ${plural(files.length, 'file')}.`);
  }
  if (unreadable) return 2;
  return messages.some((m) => m.severity === 'error') ? 1 : 0;
}
