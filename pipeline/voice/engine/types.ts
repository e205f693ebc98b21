/** Shared types of the Vale-compatible rule engine. */
import type { LocatedMessage, Severity } from '../../messages.ts';
import type { ProseBlock } from './prose.ts';

export type RuleAction = { readonly name: string; readonly params: readonly string[] };

/** One match a check reports, in block coordinates (UTF-16 indices into `block.text`). */
export type RawAlert = {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly match: string;
  readonly action?: RuleAction;
  /** Document-level alerts (readability, metric, occurrence with no match) sit at 1:1. */
  readonly documentLevel?: boolean;
};

/** State shared by all blocks of one file: conditional and consistency rules remember what they saw. */
export type FileState = {
  readonly sequences: Set<string>;
  readonly metrics: () => Readonly<Record<string, number>>;
};

export type CompiledCheck = {
  /** `Style.Rule`. */
  readonly name: string;
  readonly extends: string;
  readonly level: Severity;
  readonly scope: readonly string[];
  readonly limit: number;
  readonly action: RuleAction | undefined;
  /** Runs the check on one block; alerts are in block coordinates. */
  run(block: ProseBlock, state: FileState): RawAlert[];
};

/** A located alert, as Vale reports it (`rule` is `Style.Rule`). */
export type VoiceAlert = LocatedMessage & {
  /** The matched text. */
  readonly match: string;
  /** Offsets of the match in the linted source (end exclusive); equal for document-level alerts. */
  readonly offset: number;
  readonly endOffset: number;
  readonly action?: RuleAction;
};

export const LEVELS: readonly Severity[] = ['suggestion', 'warning', 'error'];

/** Numeric rank of a level (suggestion 0, warning 1, error 2). */
export function rankLevel(level: Severity): number {
  return LEVELS.indexOf(level);
}
