/** Lints one Markdown source with compiled checks and locates every alert as Vale does. */
import type { Severity } from '../../messages.ts';
import { createLocator } from './location.ts';
import { compileValeRegex } from './regex.ts';
import { extractProse, isSwitchedOff, sliceBlock, type ProseBlock } from './prose.ts';
import { compileScope } from './scope.ts';
import { splitSentences } from './sentences.ts';
import { computeTextStats } from './text-stats.ts';
import { rankLevel, type CompiledCheck, type FileState, type VoiceAlert } from './types.ts';

export type LintOptions = {
  /** Path printed in alerts. */
  readonly file: string;
  /** Alerts below this level are not reported (default: `suggestion`). */
  readonly minAlertLevel?: Severity;
  /** Patterns (Vale's TokenIgnores/BlockIgnores) whose matches no rule sees. */
  readonly ignorePatterns?: readonly string[];
};

/** Source ranges matched by the ignore patterns. */
function ignoredRanges(source: string, patterns: readonly string[]): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const pattern of patterns) {
    for (const m of source.matchAll(compileValeRegex(pattern))) if (m[0] !== '') ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Masks the characters of a block that come from ignored source ranges. */
function maskBlock(block: ProseBlock, ranges: ReadonlyArray<readonly [number, number]>): ProseBlock {
  if (ranges.length === 0 || block.scope === 'raw.md') return block;
  let text = '';
  let changed = false;
  for (let k = 0; k < block.text.length; k += 1) {
    const offset = block.offsets[k] as number;
    const hidden = block.text[k] !== '\n' && ranges.some(([start, end]) => offset >= start && offset < end);
    text += hidden ? '*' : block.text[k];
    changed ||= hidden;
  }
  return changed ? { ...block, text } : block;
}

function proseParts(block: ProseBlock, sentences: boolean, paragraphs: boolean): ProseBlock[] {
  if (!block.prose) return [block];
  const parts: ProseBlock[] = [];
  if (paragraphs) parts.push({ scope: 'paragraph.md', text: block.text, offsets: block.offsets });
  if (sentences) for (const [start, end] of splitSentences(block.text)) parts.push(sliceBlock(block, start, end, 'sentence.md'));
  parts.push({ scope: block.scope, text: block.text, offsets: block.offsets });
  return parts;
}

export type LintResult = {
  /** Alerts sorted by line and column. */
  readonly alerts: readonly VoiceAlert[];
  /** Words of prose (the summary scope), for scoring. */
  readonly words: number;
};

/** Lints Markdown `source`; alerts come back sorted by line and column. */
export function lintSource(source: string, checks: readonly CompiledCheck[], options: LintOptions): VoiceAlert[] {
  return [...lintDocument(source, checks, options).alerts];
}

/** Lints Markdown `source` and counts its words of prose. */
export function lintDocument(source: string, checks: readonly CompiledCheck[], options: LintOptions): LintResult {
  const minRank = rankLevel(options.minAlertLevel ?? 'suggestion');
  const active = checks.filter((c) => rankLevel(c.level) >= minRank).map((check) => ({ check, matches: compileScope(check.scope) }));
  const scopes = active.flatMap((a) => a.check.scope).join(' ');
  const doc = extractProse(source);
  const locate = createLocator(source);
  const state: FileState = { sequences: new Set(), metrics: () => doc.counts };
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  const alerts: VoiceAlert[] = [];

  const ignored = ignoredRanges(source, options.ignorePatterns ?? []);
  for (const original of doc.blocks) {
    const block = maskBlock(original, ignored);
    for (const part of proseParts(block, scopes.includes('sentence'), scopes.includes('paragraph'))) {
      for (const { check, matches } of active) {
        if (!matches(part.scope)) continue;
        for (const raw of check.run(part, state)) {
          const offset = raw.documentLevel ? 0 : (part.offsets[raw.start] ?? 0);
          const endOffset = raw.documentLevel ? 0 : raw.end > raw.start ? (part.offsets[raw.end - 1] ?? offset) + 1 : offset;
          const { line, column } = raw.documentLevel ? { line: 1, column: 1 } : locate(offset);
          const key = `${line}:${column}:${check.name}`;
          if (seen.has(key)) continue;
          if (!raw.documentLevel && doc.controls.length > 0 && isSwitchedOff(doc.controls, check.name, offset)) continue;
          const count = counts.get(check.name) ?? 0;
          if (check.limit > 0 && count >= check.limit) continue;
          seen.add(key);
          counts.set(check.name, count + 1);
          const alert: VoiceAlert = { file: options.file, line, column, rule: check.name, severity: check.level, message: raw.message, match: raw.match, offset, endOffset };
          alerts.push(raw.action ? { ...alert, action: raw.action } : alert);
        }
      }
    }
  }
  const summary = doc.blocks.find((b) => b.scope === 'summary.md');
  const words = summary ? computeTextStats(summary.text).words : 0;
  return { alerts: alerts.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)), words };
}
