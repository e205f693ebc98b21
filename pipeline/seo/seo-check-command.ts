/** `copydesk seo check FILE…`: the SEO checks on any drafted Markdown file with front matter, printed like a linter. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Config } from '../config/schema.ts';
import type { LocatedMessage } from '../messages.ts';
import { checkMetadata } from './checks/metadata-checks.ts';
import { checkBody, checkLinks } from './checks/run-checks.ts';
import { type SeoCheck, severityOfGrade } from './checks/types.ts';
import { analyseMarkdown } from './text/analyse-markdown.ts';
import { parseKeyphrase } from './text/keyphrase.ts';

export type SeoCheckOptions = {
  /** Print a JSON array of `{file, line, column, rule, severity, message}` on stdout. */
  readonly json: boolean;
  readonly config: Config;
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
};

/** A check's result located in its file. */
export type LocatedCheck = LocatedMessage & { readonly grade: SeoCheck['grade'] };

/** Front-matter keys a metadata check points at, by field (or by rule for checks without a field). */
const FIELD_KEYS: Readonly<Record<string, readonly string[]>> = {
  seo_title: ['seo_title', 'title'],
  description: ['description'],
  slug: ['slug'],
  images: ['image_alts', 'images'],
  'seo/keyphrase-length': ['keyphrase', 'keyword'],
};

/** Runs every check on one drafted file's text (pure): metadata from its front matter, body and link checks on its body. */
export function checkDraftText(file: string, text: string, config: Config): LocatedCheck[] {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = readFrontMatter(source);
  if ('error' in parsed) {
    return [{ file, line: 1, column: 1, rule: 'seo/front-matter', severity: 'warning', message: `The front matter is not valid YAML: ${parsed.error}`, grade: 'problem' }];
  }
  const data = parsed.data as Record<string, unknown>;
  const frontLines = source.slice(0, source.length - parsed.content.length).split('\n');
  const lineOffset = frontLines.length - 1;
  const str = (key: string): string | undefined => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const title = str('title');
  const keyphrase = str('keyphrase') ?? str('keyword') ?? '';
  const slug = str('slug') ?? path.basename(file).replace(/\.[^.]+$/, '');
  const words = typeof data.words === 'number' ? data.words : undefined;
  const locale = str('locale') ?? str('lang') ?? config.locale;

  const analysis = analyseMarkdown(parsed.content, lineOffset);
  const checks = [
    ...checkMetadata({ seoTitle: str('seo_title') ?? title ?? '', description: str('description') ?? '', slug }, parseKeyphrase(keyphrase, locale), config.seo),
    ...checkBody(analysis, { keyphrase, targetWords: words, titleIsH1: title !== undefined, locale }, config.seo),
    ...checkLinks(analysis, { keyphrase, siteUrl: config.brand.url, locale }, config.seo),
  ];
  return checks.map((check) => {
    const keyLine = findKeyLine(frontLines, FIELD_KEYS[check.field ?? check.rule] ?? []);
    const place = check.place ?? { line: check.scope === 'metadata' ? (keyLine ?? 1) : lineOffset + 1, column: 1 };
    return { file, line: place.line, column: place.column, rule: check.rule, severity: severityOfGrade(check.grade) ?? 'suggestion', message: check.message, grade: check.grade };
  });
}

function readFrontMatter(source: string): matter.GrayMatterFile<string> | { error: string } {
  try {
    return matter(source, {});
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] ?? 'unreadable' };
  }
}

function findKeyLine(lines: readonly string[], keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const index = lines.findIndex((line) => line.startsWith(`${key}:`));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/** Formats one result like a linter: `file:line:col grade message rule`. */
export function formatCheckLine(c: LocatedCheck): string {
  return `${c.file}:${c.line}:${c.column} ${c.grade} ${c.message} ${c.rule}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Checks each file; human lines (checks that are not good) go to stderr, `--json` prints one array of
 * the same messages on stdout. Returns 1 when a check grades `problem`, 2 when a file cannot be read, else 0.
 */
export async function seoCheckCommand(files: string[], options: SeoCheckOptions): Promise<number> {
  const results: LocatedCheck[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.resolve(options.cwd, file), 'utf8');
    } catch (error) {
      unreadable = true;
      options.stderr(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    const checks = checkDraftText(file, text, options.config);
    results.push(...checks);
    if (!options.json) {
      for (const c of checks) if (c.grade !== 'good') options.stderr(formatCheckLine(c));
      const good = checks.filter((c) => c.grade === 'good').length;
      options.stderr(`${file}: ${good} of ${plural(checks.length, 'SEO check')} good`);
    }
  }
  const shown = results.filter((c) => c.grade !== 'good');
  if (options.json) {
    options.stdout(JSON.stringify(shown.map(({ grade: _grade, ...message }) => message)));
  } else {
    const problems = shown.filter((c) => c.grade === 'problem').length;
    options.stderr(`${plural(problems, 'problem')} and ${shown.length - problems} ok in ${plural(files.length, 'file')}.`);
  }
  if (unreadable) return 2;
  return shown.some((c) => c.grade === 'problem') ? 1 : 0;
}
