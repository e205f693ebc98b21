/** Prompts are data: `prompts/<task>.md`, front matter = model settings, body = template. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import type { ModelsConfig } from '../models/config.ts';

const promptFrontMatterSchema = z.strictObject({
  /** Model id; falls back to `models.tasks[task]`, then `models.draft` or `models.metadata`. */
  model: z.string().min(1).optional(),
  /** Provider for this task (default: `anthropic`, or `offline` when no key is set). */
  provider: z.enum(['anthropic', 'openai', 'offline']).optional(),
  max_tokens: z.number().int().positive().default(4096),
  /** Larger budget for the one retry after `stop_reason: max_tokens` (default: none). */
  retry_max_tokens: z.number().int().positive().optional(),
  /** Task kind: `draft` tasks default to the drafting model, `metadata` to the cheap one. */
  kind: z.enum(['draft', 'metadata']).default('draft'),
  /** Cache TTL for the stable system prefix (default: `5m`). */
  cache_ttl: z.enum(['5m', '1h']).default('5m'),
  description: z.string().optional(),
});

export type Prompt = {
  readonly task: string;
  /** Path of the prompt file, relative to the project root. */
  readonly file: string;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  readonly model: string;
  readonly provider: 'anthropic' | 'openai' | 'offline' | undefined;
  readonly maxTokens: number;
  readonly retryMaxTokens: number | undefined;
  readonly cacheTtl: '5m' | '1h';
  /** The template body, `{{name}}` placeholders. */
  readonly template: string;
};

export type PromptSet = {
  /** Loads (once) and returns `prompts/<task>.md`. Throws `PromptError` when missing or invalid. */
  load(task: string): Prompt;
  /** Loads (once) any other file under the prompts folder, such as `brand/voice.md`. */
  text(relativePath: string): { readonly text: string; readonly hash: string };
};

export class PromptError extends Error {
  override readonly name = 'PromptError';
}

/** Creates a prompt set reading from `dir` (relative paths reported against `root`). */
export function createPromptSet(dir: string, models: ModelsConfig, root = process.cwd()): PromptSet {
  const prompts = new Map<string, Prompt>();
  const texts = new Map<string, { text: string; hash: string }>();

  function readText(relativePath: string): { text: string; hash: string } {
    const cached = texts.get(relativePath);
    if (cached) return cached;
    const file = path.join(dir, relativePath);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (cause) {
      throw new PromptError(`Cannot read prompt file \`${path.relative(root, file)}\``, { cause });
    }
    const entry = { text: bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), hash: sha256(bytes) };
    texts.set(relativePath, entry);
    return entry;
  }

  return {
    text: readText,
    load(task) {
      const cached = prompts.get(task);
      if (cached) return cached;
      const { text, hash } = readText(`${task}.md`);
      const file = path.relative(root, path.join(dir, `${task}.md`));
      let parsed: matter.GrayMatterFile<string>;
      try {
        parsed = matter(text);
      } catch (cause) {
        throw new PromptError(`${file}: front matter is not valid YAML`, { cause });
      }
      const front = promptFrontMatterSchema.safeParse(parsed.data);
      if (!front.success) {
        const issues = front.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
        throw new PromptError(`${file}: invalid prompt settings: ${issues}`);
      }
      const settings = front.data;
      const model = settings.model ?? models.tasks[task] ?? (settings.kind === 'metadata' ? models.metadata : models.draft);
      const prompt: Prompt = {
        task,
        file,
        hash,
        model,
        provider: settings.provider,
        maxTokens: settings.max_tokens,
        retryMaxTokens: settings.retry_max_tokens,
        cacheTtl: settings.cache_ttl,
        template: parsed.content.trim(),
      };
      prompts.set(task, prompt);
      return prompt;
    },
  };
}

/**
 * Fills `{{name}}` placeholders. Arrays become one `- item` line each; missing values become
 * an empty string, so a template can mention optional fields safely.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map((v) => `- ${String(v)}`).join('\n');
    if (typeof value === 'object') return JSON.stringify(value, null, 2);
    return String(value);
  });
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
