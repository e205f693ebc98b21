/** The link benchmarks' JSONL formats: held-out cases in, suggestions out (read by their `score.mjs`). */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { findPage, type LinkIndex } from '../index/link-index.ts';
import { suggestLinks, type SuggestOptions } from '../suggest/suggest-links.ts';
import { InventoryFileError } from '../inventory/jsonl-source.ts';

const caseSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    url: z.string().min(1),
    title: z.string().default(''),
    locale: z.string().default(''),
    keyphrase: z.string().optional(),
    markdown_without_internal_links: z.string(),
  })
  .loose();

export type BenchCase = z.infer<typeof caseSchema>;

export type BenchSuggestion = { readonly target_url: string; readonly anchor_text: string };
export type BenchRow = { readonly id: string; readonly suggestions: readonly BenchSuggestion[] };

/** Reads `cases.jsonl`; throws `InventoryFileError` naming the file and line of a bad row. */
export function readBenchCases(file: string): BenchCase[] {
  const out: BenchCase[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        throw new InventoryFileError(`${file}:${i + 1}: not a JSON object`, { cause: error });
      }
      const parsed = caseSchema.safeParse(raw);
      if (!parsed.success) throw new InventoryFileError(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
      out.push(parsed.data);
    });
  return out;
}

/** Runs the suggester on each case; anchors are the Markdown source of the chosen phrase, backticks removed. */
export function suggestForCases(index: LinkIndex, cases: readonly BenchCase[], options: SuggestOptions): BenchRow[] {
  return cases.map((c) => {
    const date = findPage(index, c.url)?.date;
    const result = suggestLinks(
      index,
      {
        markdown: c.markdown_without_internal_links,
        locale: c.locale,
        selfUrl: c.url,
        ...(c.title ? { title: c.title } : {}),
        ...(c.keyphrase ? { keyphrase: c.keyphrase } : {}),
        // The article's own page, when the inventory has it, says when it was written.
        ...(date ? { date } : {}),
      },
      options,
    );
    return {
      id: c.id,
      suggestions: result.links.map((l) => ({ target_url: l.url, anchor_text: l.anchor.replace(/^`+|`+$/g, '') })),
    };
  });
}

/** One JSON object a line. */
export function formatJsonl(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
