/** Inventory pages from a JSONL file (one page a line), the format of the link benchmarks' `inventory.jsonl`. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { pageSchema, type Page } from './page.ts';
import type { InventorySource } from './source.ts';

// The benchmark files name the kind `section`; copydesk's own files say `kind`.
const jsonlPageSchema = pageSchema.extend({ section: z.string().optional() }).loose();

export class InventoryFileError extends Error {
  override readonly name = 'InventoryFileError';
}

/** Parses one JSONL line into a page; throws `InventoryFileError` naming the file and line. */
export function parsePageLine(line: string, file: string, lineNumber: number, defaultLocale = ''): Page {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new InventoryFileError(`${file}:${lineNumber}: not a JSON object`, { cause: error });
  }
  const parsed = jsonlPageSchema.safeParse(raw);
  if (!parsed.success) throw new InventoryFileError(`${file}:${lineNumber}: ${z.prettifyError(parsed.error)}`);
  const { section, ...rest } = parsed.data;
  const page: Page = {
    url: rest.url,
    title: rest.title,
    description: rest.description,
    headings: rest.headings,
    text: rest.text,
    locale: rest.locale || defaultLocale,
    kind: section && rest.kind === 'page' ? section : rest.kind,
    ...(rest.keyphrase ? { keyphrase: rest.keyphrase } : {}),
    ...(rest.aliases ? { aliases: rest.aliases } : {}),
    ...(rest.date ? { date: rest.date.slice(0, 10) } : {}),
  };
  return page;
}

/** A source reading `{url, title, description, headings, text, locale, kind|section}` lines. */
export function createJsonlSource(file: string, defaultLocale = ''): InventorySource {
  return {
    name: `jsonl:${file}`,
    async *load() {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        n += 1;
        if (line.trim()) yield parsePageLine(line, file, n, defaultLocale);
      }
    },
  };
}
