/** `copydesk check`: validate briefs and config; every message located; no model calls. */
import { readProjectBriefs } from '../briefs/read-briefs.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { countBySeverity, formatMessage, type LocatedMessage } from '../messages.ts';
import { briefWarnings } from '../review.ts';
import { paint, type Io } from './output.ts';

export type CheckOptions = { readonly loaded: LoadedConfig; readonly cwd: string; readonly io: Io; readonly json: boolean; readonly paths: readonly string[] };

/** Prints every message (eslint/Vale style, or a JSON array); exit 1 when any brief has an error. */
export async function checkCommand(options: CheckOptions): Promise<number> {
  const { config } = options.loaded;
  const read = await readProjectBriefs(options.loaded, options.paths, options.cwd);
  const messages: LocatedMessage[] = [...read.messages, ...read.briefs.flatMap((b) => briefWarnings(b, config))].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  const counts = countBySeverity(messages);
  if (options.json) {
    options.io.stdout(JSON.stringify(messages));
  } else {
    for (const m of messages) options.io.stderr(paint(options.io, m.severity === 'error' ? 'red' : 'yellow', formatMessage(m)));
    options.io.stderr(`${read.files} brief${read.files === 1 ? '' : 's'} checked: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
  }
  return counts.error > 0 ? 1 : 0;
}
