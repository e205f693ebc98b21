/** Parses one brief file's bytes into a validated Brief, or located messages. Pure: no I/O. */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { unknownKeyHint, type LocatedMessage } from '../messages.ts';
import { locateYamlPath } from '../yaml-locate.ts';
import { KNOWN_KEYS, briefFrontMatterSchema, type Brief, type BriefFrontMatter } from './schema.ts';

export type ParseInput = {
  /** Path shown in messages. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Id when the front matter has none (path relative to the briefs folder, no extension). */
  readonly defaultId: string;
  /** Largest accepted size in bytes. */
  readonly maxBytes: number;
};

export type ParseResult = { readonly brief?: Brief; readonly messages: readonly LocatedMessage[] };

const BOM = '\uFEFF';

/** Parses and validates one brief. Every problem is a located message; nothing is thrown for bad content. */
export function parseBrief(input: ParseInput): ParseResult {
  const { file, bytes } = input;
  const at = (line: number, column: number, rule: string, message: string): LocatedMessage => ({
    file, line, column, rule, severity: 'error', message,
  });

  if (bytes.length > input.maxBytes) {
    return { messages: [at(1, 1, 'brief/too-large', `File is ${bytes.length} bytes, expected at most ${input.maxBytes} bytes (max_brief_bytes)`)] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return { messages: [at(line, column, 'brief/binary', 'File contains a NUL byte; expected a Markdown text file')] };
  }
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    return { messages: [at(line, column, 'brief/encoding', `Invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}; expected a UTF-8 text file`)] };
  }
  const text = (raw.startsWith(BOM) ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return { messages: [at(1, 1, 'brief/empty', 'File is empty; expected YAML front matter between `---` lines, then notes')] };
  }
  if (!/^---[ \t]*\n/.test(text)) {
    return { messages: [at(1, 1, 'brief/no-front-matter', `Expected the file to start with a \`---\` line opening the front matter, got \`${firstLine(text)}\``)] };
  }
  const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3));
  if (!close) {
    return { messages: [at(1, 1, 'brief/unclosed-front-matter', 'Front matter opened on line 1 is never closed; expected a `---` line after it')] };
  }

  // gray-matter hands the engine the text after the opening `---` (starting with its newline), so
  // line N of the YAML source is line N of the file.
  const lineCounter = new LineCounter();
  let yamlDoc: Document | undefined;
  const messages: LocatedMessage[] = [];
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      engines: {
        yaml: (source: string) => {
          yamlDoc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
          if (yamlDoc.errors.length > 0) throw new YamlSyntax();
          const data: unknown = yamlDoc.toJS();
          return data !== null && typeof data === 'object' ? data : { __notAMapping: data };
        },
      },
    });
  } catch (error) {
    if (!(error instanceof YamlSyntax) || !yamlDoc) throw error;
    for (const e of yamlDoc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      const rule = e.code === 'DUPLICATE_KEY' ? 'brief/duplicate-key' : 'brief/yaml-syntax';
      messages.push(at(pos.line, pos.col, rule, `${firstSentence(e.message)} (YAML ${e.code})`));
    }
    return { messages };
  }

  const locate = (path: readonly PropertyKey[], key = false): { line: number; column: number } => {
    if (!yamlDoc || path.length === 0) return { line: 1, column: 1 };
    return locateYamlPath(yamlDoc, lineCounter, path, key);
  };

  if ('__notAMapping' in parsed.data) {
    return { messages: [at(2, 1, 'brief/front-matter-not-mapping', 'Expected the front matter to be a mapping of `key: value` lines')] };
  }
  const result = briefFrontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) messages.push(...describeIssue(issue, parsed.data, locate, file));
    return { messages };
  }

  const data: BriefFrontMatter = result.data;
  const fmLines = text.slice(0, 3 + close.index + close[0].length).split('\n').length - (close[0].endsWith('\n') ? 1 : 0);
  const id = data.id ?? input.defaultId;
  const slug = data.slug ?? slugFromId(id);
  const base = {
    id,
    file,
    slug,
    body: parsed.content.replace(/^\n+/, ''),
    bodyLine: fmLines + 1 + (parsed.content.match(/^\n*/)?.[0].length ?? 0),
    hash: createHash('sha256').update(bytes).digest('hex'),
    keyLines: Object.fromEntries(Object.keys(data).map((key) => [key, locate([key], true).line])),
  };
  const brief: Brief = data.type === 'article' ? { ...base, kind: 'article', data } : { ...base, kind: 'product', data };
  return { brief, messages };
}

/** The last path segment of an id, made safe as a file name. */
export function slugFromId(id: string): string {
  const last = id.split('/').pop() ?? id;
  return last
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 75)
    .replace(/-+$/, '') || 'untitled';
}

class YamlSyntax extends Error {}

function describeIssue(
  issue: z.core.$ZodIssue,
  data: Record<string, unknown>,
  locate: (path: readonly PropertyKey[], key?: boolean) => { line: number; column: number },
  file: string,
): LocatedMessage[] {
  const make = (path: readonly PropertyKey[], rule: string, message: string, key = false): LocatedMessage => {
    const { line, column } = locate(path, key);
    return { file, line, column, rule, severity: 'error', message };
  };
  const type = typeof data.type === 'string' && (data.type === 'article' || data.type === 'product') ? data.type : undefined;
  if (issue.code === 'unrecognized_keys') {
    const known = type ? KNOWN_KEYS[type] : [...new Set([...KNOWN_KEYS.article, ...KNOWN_KEYS.product])];
    return issue.keys.map((key) => {
      const hint = unknownKeyHint(key, known);
      return make([...issue.path, key], 'brief/unknown-key', `Unknown key \`${key}\` in ${type === 'article' ? 'an article' : type === 'product' ? 'a product' : 'a'} brief${hint}`, true);
    });
  }
  const path = issue.path;
  const name = path.map(String).join('.');
  if (path.length === 1 && path[0] === 'type') {
    const found = data.type === undefined ? 'nothing' : `\`${String(data.type)}\``;
    return [make(path, 'brief/invalid-type', `Expected \`type\` to be \`article\` or \`product\`, got ${found}`, data.type === undefined)];
  }
  const value = getPath(data, path);
  if (value === undefined) {
    return [make([], 'brief/missing-key', `Missing required key \`${name}\` in ${type === 'article' ? 'an article' : 'a product'} brief`)];
  }
  return [make(path, 'brief/invalid-value', `Expected \`${name}\` to be ${expectation(issue)}, got \`${JSON.stringify(value)}\``)];
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? 'a non-empty string' : issue.origin === 'array' ? 'a non-empty list' : `at least ${String(issue.minimum)}${issue.inclusive ? '' : ' (exclusive)'}`;
    case 'too_big':
      return issue.origin === 'string' ? `at most ${String(issue.maximum)} characters` : `at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? formatHint(issue.path) : `a valid ${issue.format}`;
    default:
      return issue.message.toLowerCase();
  }
}

function formatHint(path: readonly PropertyKey[]): string {
  const key = String(path[0]);
  if (key === 'slug') return 'lowercase words joined by hyphens, such as `linen-shirt-guide`';
  if (key === 'currency') return 'a three-letter ISO 4217 code such as `USD`';
  if (key === 'locale') return 'a BCP 47 locale such as `en-US`';
  return 'of the documented form';
}

function getPath(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    for (let k = 1; k < size; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += size;
  }
  return Math.max(0, bytes.length - 1);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '').replace(/:$/, '') ?? message;
}
