/** Finds, reads and validates copydesk.config.yaml; reads `.env` into the environment. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { unknownKeyHint, type LocatedMessage } from '../messages.ts';
import { locateYamlPath } from '../yaml-locate.ts';
import { configSchema, type Config } from './schema.ts';

export const CONFIG_FILE = 'copydesk.config.yaml';

export type LoadedConfig = {
  readonly config: Config;
  /** The config file, or undefined when none was found (all defaults). */
  readonly file: string | undefined;
  /** Project root: the config file's folder, else the working directory. Paths in config are relative to it. */
  readonly root: string;
};

/**
 * Loads the config: `explicit` path, else `COPYDESK_CONFIG`, else the nearest copydesk.config.yaml
 * walking up from `cwd`. Throws ConfigError listing every problem, located.
 */
export function loadConfig(cwd: string, explicit?: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const given = explicit ?? env.COPYDESK_CONFIG;
  const file = given ? path.resolve(cwd, given) : findUp(cwd, CONFIG_FILE);
  if (given && !existsSync(file ?? '')) {
    throw new ConfigError([{ file: given, line: 1, column: 1, rule: 'config/not-found', severity: 'error', message: `Config file \`${given}\` does not exist` }]);
  }
  const root = file ? path.dirname(file) : cwd;
  if (!file) return { config: configSchema.parse({}), file: undefined, root };
  return { config: parseConfig(readFileSync(file, 'utf8'), path.relative(cwd, file) || file), file, root };
}

/** Parses and validates config text. Pure; throws ConfigError with every problem located. */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const messages: LocatedMessage[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, column: pos.col, rule: 'config/yaml-syntax', severity: 'error', message: `${e.message.split('\n')[0] ?? e.code} (YAML ${e.code})` };
  });
  if (messages.length > 0) throw new ConfigError(messages);
  const data: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const make = (p: readonly PropertyKey[], rule: string, message: string, key = false): LocatedMessage => ({
      file, ...locateYamlPath(doc, lineCounter, p, key), rule, severity: 'error', message,
    });
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(issue.path);
      for (const key of issue.keys) {
        const hint = unknownKeyHint(key, known);
        messages.push(make([...issue.path, key], 'config/unknown-key', `Unknown key \`${[...issue.path, key].join('.')}\`${hint}`, true));
      }
      continue;
    }
    messages.push(make(issue.path, 'config/invalid-value', `\`${issue.path.join('.') || '(root)'}\`: ${issue.message}`));
  }
  throw new ConfigError(messages.sort((a, b) => a.line - b.line || a.column - b.column));
}

/** Reads `.env` from the project root into `process.env` (never overriding what is set). */
export function loadEnvFile(root: string): void {
  const file = path.join(root, '.env');
  if (existsSync(file)) loadDotenv({ path: file, quiet: true, override: false });
}

function knownKeysAt(at: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const segment of at) {
    const inner = unwrap(schema);
    if (!(inner instanceof z.ZodObject)) return [];
    const next = (inner.shape as Record<string, z.ZodType>)[String(segment)];
    if (!next) return [];
    schema = next;
  }
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let i = 0; i < 5; i += 1) {
    const def = (current as unknown as { def?: { innerType?: z.ZodType } }).def;
    if (!def?.innerType) break;
    current = def.innerType;
  }
  return current;
}

function findUp(start: string, name: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
