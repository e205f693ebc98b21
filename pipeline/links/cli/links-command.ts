/** `copydesk links sync|inspect|suggest`: the entry the CLI wires. Returns the exit code. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Config } from '../../config/schema.ts';
import { toIndexOptions } from '../index/index-options.ts';
import { buildLinkIndex, findPage, type LinkIndex } from '../index/link-index.ts';
import { linksStateDir, loadLinkIndex } from '../index/store-index.ts';
import { listPagePhrases } from '../index/page-phrases.ts';
import { removeUnknownLinks } from '../insert/remove-unknown-links.ts';
import { createJsonlSource } from '../inventory/jsonl-source.ts';
import type { Page } from '../inventory/page.ts';
import { draftUrl } from '../links-stage.ts';
import { suggestLinks, toSuggestOptions, type SuggestResult } from '../suggest/suggest-links.ts';
import { linksSync } from '../sync-links.ts';
import { formatJsonl, readBenchCases, suggestForCases } from './bench-format.ts';

export type LinksAction = 'sync' | 'inspect' | 'suggest';

export type LinksCommandOptions = {
  readonly json: boolean;
  readonly config: Config;
  readonly cwd: string;
  /** Project root for state and source paths (default: `cwd`). */
  readonly root?: string;
  /** `suggest`: inventory JSONL. */
  readonly inventory?: string;
  /** `suggest`: cases JSONL. */
  readonly cases?: string;
  /** `suggest`: output JSONL. */
  readonly out?: string;
  /** `sync`: build from scratch. */
  readonly rebuild?: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly signal?: AbortSignal;
};

const USAGE = 'usage: copydesk links sync [--rebuild] | inspect URL|FILE | suggest --inventory FILE --cases FILE --out FILE';

/** Runs one `links` action: 0 done, 2 usage error. */
export async function linksCommand(action: LinksAction, args: readonly string[], options: LinksCommandOptions): Promise<number> {
  const root = options.root ?? options.cwd;
  switch (action) {
    case 'sync': {
      const report = await linksSync({ config: options.config, root, ...(options.rebuild ? { rebuild: true } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      const { index: _index, ...summary } = report;
      for (const s of report.sources) options.stderr(`${s.name}: ${s.pages} pages`);
      options.stderr(
        `links: ${report.pages} pages (${report.added} added, ${report.updated} updated, ${report.removed} removed, ${report.unchanged} unchanged)` +
          `${report.rebuilt ? ', built from scratch' : ''} in ${report.ms} ms → ${path.relative(options.cwd, report.file) || report.file}`,
      );
      if (options.json) options.stdout(JSON.stringify(summary));
      return 0;
    }
    case 'inspect': {
      const target = args[0];
      if (!target) {
        options.stderr(USAGE);
        return 2;
      }
      const index = loadLinkIndex(linksStateDir(root, options.config.state)) ?? (await linksSync({ config: options.config, root })).index;
      return inspect(index, target, options);
    }
    case 'suggest': {
      if (!options.inventory || !options.cases || !options.out) {
        options.stderr(USAGE);
        return 2;
      }
      const pages: Page[] = [];
      for await (const p of createJsonlSource(path.resolve(options.cwd, options.inventory), options.config.locale).load()) pages.push(p);
      const index = buildLinkIndex(pages, toIndexOptions(options.config.links));
      const cases = readBenchCases(path.resolve(options.cwd, options.cases));
      const rows = suggestForCases(index, cases, toSuggestOptions(options.config.links));
      writeFileSync(path.resolve(options.cwd, options.out), formatJsonl(rows));
      options.stderr(`links: ${rows.length} cases, ${rows.reduce((n, r) => n + r.suggestions.length, 0)} suggestions → ${options.out}`);
      return 0;
    }
  }
}

function inspect(index: LinkIndex, target: string, options: LinksCommandOptions): number {
  const config = options.config.links;
  const file = path.resolve(options.cwd, target);
  if (existsSync(file)) {
    const parsed = matter(readFileSync(file, 'utf8'));
    const data = parsed.data as Record<string, unknown>;
    const text = (k: string): string | undefined => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
    const slug = text('slug') ?? path.basename(file).replace(/\.[^.]+$/, '');
    const keyphrase = text('keyphrase') ?? text('keyword');
    const links = Array.isArray(data.links) ? data.links.filter((l): l is string => typeof l === 'string') : [];
    let markdown = parsed.content;
    const label = target;
    const request = { locale: text('locale') ?? options.config.locale, selfUrl: draftUrl(config.draft_url, slug), required: links, ...(keyphrase ? { keyphrase } : {}) };
    const guarded = removeUnknownLinks(markdown, { isKnown: (u) => findPage(index, u) !== undefined, allowed: links, siteHosts: config.site_hosts });
    for (const r of guarded.removed) options.stderr(`${label}:${r.line}:${r.column}: warning would remove a link to ${r.url}: not in the inventory or the brief (links/removed-unknown-link)`);
    markdown = guarded.markdown;
    const result = suggestLinks(index, { markdown, ...request }, toSuggestOptions(config));
    printInspection(label, result, options);
    return 0;
  }
  const page = findPage(index, target);
  if (!page) {
    options.stderr(`${target}: neither a file nor a page of the inventory (${index.pages.size} pages); run \`copydesk links sync\``);
    return 2;
  }
  const names = listPagePhrases(page, index.conventions);
  if (options.json) {
    options.stdout(JSON.stringify({ page, names }));
    return 0;
  }
  options.stderr(`${page.url}: "${page.title}" (${page.kind}, ${page.locale || 'no locale'})`);
  for (const n of names) options.stderr(`  linked from drafts that say "${n.text}" (${n.source}; stems: ${n.key})`);
  return 0;
}

function printInspection(label: string, result: SuggestResult, options: LinksCommandOptions): void {
  if (options.json) {
    options.stdout(JSON.stringify(result));
    return;
  }
  if (result.links.length === 0) options.stderr(`${label}: no links would be added`);
  for (const l of result.links) {
    const r = l.reason;
    options.stderr(
      `${label}:${l.line}:${l.column}: "${l.anchor}" → ${l.url} (${l.title}) score ${r.score.toFixed(2)}` +
        `${l.required ? ' [brief]' : ''}; ${r.source} "${r.matched}", specificity ${r.specificity.toFixed(2)}, ` +
        `related rank ${r.rank || '-'}, terms ${r.terms.join(', ')}`,
    );
  }
  for (const p of result.problems) options.stderr(`${label}: warning ${p.message} (${p.rule})`);
}
