/** The review gate: a pure function from a brief, its draft and the model's answers to review flags. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Brief } from '../briefs/schema.ts';
import type { ReviewFlag } from '../document.ts';
import { formatMessage } from '../messages.ts';
import { collectBriefFacts, findUnsupportedValue, type BriefFacts } from './brief-facts.ts';
import { DEFAULT_BANNED_CLAIMS, type GateConfig } from './config.ts';
import { extractNumbers, type NumberMention } from './extract-numbers.ts';
import { scanBriefForInstructions } from './scan-brief.ts';

export const RULE_UNSUPPORTED_NUMBER = 'review/unsupported-number';
export const RULE_PRICE_MISMATCH = 'review/price-mismatch';
export const RULE_BANNED_CLAIM = 'review/banned-claim';
export const RULE_REFUSAL = 'review/refusal';
export const RULE_TRUNCATED = 'review/truncated';

export type ReviewInput = {
  readonly brief: Brief;
  /** The draft body as written to the file (positions in flags are 1-based in this text). */
  readonly markdown: string;
  /** Extra front-matter fields (description, seo_title, faq…); their strings are checked too. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** What the model said about its own answers: a refusal (with its category) or a cut-off. */
  readonly answers?: { readonly refusal?: { readonly category: string | null }; readonly truncated?: boolean };
};

export type GateOptions = {
  /** Phrases no draft may use (default: `DEFAULT_BANNED_CLAIMS`). */
  readonly bannedClaims?: readonly string[];
  /** Number words up to this value count things and are not checked (default: `10`). */
  readonly countWordsUpTo?: number;
  /** Check numbers against the brief (default: `true`). */
  readonly checkNumbers?: boolean;
  /** Flag brief text that tries to instruct the model (default: `true`). */
  readonly scanBrief?: boolean;
};

/** Maps the `gate:` config section to gate options. */
export function gateOptionsFromConfig(config: GateConfig): GateOptions {
  return {
    bannedClaims: config.banned_claims,
    countWordsUpTo: config.count_words_up_to,
    checkNumbers: config.check_numbers,
    scanBrief: config.scan_briefs,
  };
}

/** A run of prose: a text node's value and where its source starts in the draft. */
type Segment = { readonly value: string; readonly source: string; readonly offset: number };

function collectSegments(markdown: string): Segment[] {
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const segments: Segment[] = [];
  // Only `text` nodes: code, inline code, HTML and URLs are not prose.
  visit(tree, 'text', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    segments.push({ value: node.value, source: markdown.slice(start, end), offset: start });
  });
  return segments;
}

/** Offset in the draft of `snippet` found at `index` in the segment's value (escapes and entities shift text). */
function sourceOffset(segment: Segment, index: number, snippet: string): number {
  if (segment.value === segment.source) return segment.offset + index;
  let nth = 0;
  for (let i = segment.value.indexOf(snippet); i !== -1 && i < index; i = segment.value.indexOf(snippet, i + 1)) nth += 1;
  let at = segment.source.indexOf(snippet);
  for (; nth > 0 && at !== -1; nth -= 1) at = segment.source.indexOf(snippet, at + 1);
  return segment.offset + (at === -1 ? 0 : at);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The number with a word of context, as an editor would search for it: “30% cooler”. */
function quoteInContext(value: string, start: number, end: number): string {
  const after = /^[ \t]*[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(value.slice(end));
  if (after) return `“${value.slice(start, end + after[0].length).trim()}”`;
  const before = /[\p{L}\p{N}][\p{L}\p{N}'’-]*[ \t]*$/u.exec(value.slice(0, start));
  // A unit's abbreviation dot ("45 oz.") may also end the sentence; the quote reads better without it.
  return `“${value.slice(before ? before.index : start, end).trim().replace(/\.$/, '')}”`;
}

function formatPrice(price: NonNullable<BriefFacts['price']>): string {
  return `${price.value.toFixed(2)} ${price.currency}`;
}

/** The flag for one number the brief does not state, or `undefined` when it does. */
function flagNumber(mention: NumberMention, facts: BriefFacts, quoted: string, where: string): ReviewFlag | undefined {
  if (findUnsupportedValue(mention, facts) === undefined) return undefined;
  if (mention.kind === 'currency' && facts.price) {
    return {
      rule: RULE_PRICE_MISMATCH,
      severity: 'error',
      message: `${quoted}${where} does not match the brief's price (${formatPrice(facts.price)})`,
    };
  }
  return { rule: RULE_UNSUPPORTED_NUMBER, severity: 'warning', message: `${quoted}${where} is not in the brief` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex per claim; a single word also matches its plural and past forms ("cures", "cured"). */
function compileClaims(claims: readonly string[]): { claim: string; re: RegExp }[] {
  return claims.map((claim) => {
    const body = escapeRegExp(claim.trim()).replace(/\s+/g, String.raw`\s+`);
    const inflect = /\s/.test(claim.trim()) ? '' : '(?:s|es|d|ed)?';
    return { claim, re: new RegExp(String.raw`(?<![\p{L}\p{N}])${body}${inflect}(?![\p{L}\p{N}])`, 'giu') };
  });
}

/** Collects strings of draft fields with their key path, skipping URLs, ids, images and dates (not claims). */
function collectFieldStrings(value: unknown, path: string, into: { path: string; text: string }[]): void {
  const key = path.split(/[.[]/).pop() ?? '';
  if (/^@|url|href|image|logo|slug|sku|gtin|^id$|hash|date|valid|until|time|_at$|^copydesk$/i.test(key)) return;
  if (typeof value === 'string') into.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => collectFieldStrings(v, `${path}[${i}]`, into));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectFieldStrings(v, path ? `${path}.${k}` : k, into);
  }
}

/** Text to check: a run of the draft's prose (which can be located) or a front-matter field. */
type Prose = { readonly value: string; readonly where: string; readonly locate?: (index: number, snippet: string) => number };

/** A flag for something at `index` in a prose part's value. */
type Finding = { readonly index: number; readonly snippet: string; readonly flag: ReviewFlag };

function checkNumbers(part: Prose, facts: BriefFacts, countWordsUpTo: number): Finding[] {
  return extractNumbers(part.value, { countWordsUpTo }).flatMap((mention) => {
    const flag = flagNumber(mention, facts, quoteInContext(part.value, mention.start, mention.end), part.where);
    return flag ? [{ index: mention.start, snippet: mention.text, flag }] : [];
  });
}

function checkClaims(part: Prose, claims: readonly { claim: string; re: RegExp }[]): Finding[] {
  return claims.flatMap(({ claim, re }) =>
    [...part.value.matchAll(re)].map((m) => ({
      index: m.index,
      snippet: m[0],
      flag: { rule: RULE_BANNED_CLAIM, severity: 'error' as const, message: `“${m[0]}”${part.where} is a banned claim (${claim}); say what the brief supports instead` },
    })),
  );
}

/**
 * Reviews a draft against its brief: numbers, prices and dates the brief does not state, banned
 * claims, a refusal or a cut-off answer, and brief text that tries to instruct the model.
 * Flags that point at the draft carry 1-based positions in `input.markdown`.
 */
export function reviewDraft(input: ReviewInput, options: GateOptions = {}): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const { answers } = input;
  if (answers?.refusal) {
    const category = answers.refusal.category ?? 'unspecified';
    flags.push({ rule: RULE_REFUSAL, severity: 'error', message: `The model refused to write this (category: ${category}); nothing was invented in its place` });
  }
  if (answers?.truncated) {
    flags.push({ rule: RULE_TRUNCATED, severity: 'error', message: "The model's answer was cut off at its token limit; the draft may end mid-way" });
  }
  if (options.scanBrief ?? true) {
    for (const m of scanBriefForInstructions(input.brief)) {
      flags.push({ rule: m.rule, severity: m.severity, message: formatMessage(m) });
    }
  }
  const fieldStrings: { path: string; text: string }[] = [];
  collectFieldStrings(input.fields ?? {}, '', fieldStrings);
  const prose: Prose[] = [
    ...collectSegments(input.markdown).map((segment) => ({
      value: segment.value,
      where: '',
      locate: (index: number, snippet: string) => sourceOffset(segment, index, snippet),
    })),
    ...fieldStrings.map(({ path, text }) => ({ value: text, where: ` in \`${path}\`` })),
  ];
  const facts = (options.checkNumbers ?? true) ? collectBriefFacts(input.brief) : undefined;
  const claims = compileClaims(options.bannedClaims ?? DEFAULT_BANNED_CLAIMS);
  const located: { offset: number; flag: ReviewFlag }[] = [];
  for (const part of prose) {
    const found = [
      ...(facts ? checkNumbers(part, facts, options.countWordsUpTo ?? 10) : []),
      ...checkClaims(part, claims),
    ];
    for (const { index, snippet, flag } of found) {
      if (part.locate) located.push({ offset: part.locate(index, snippet), flag });
      else flags.push(flag);
    }
  }
  const starts = lineStarts(input.markdown);
  located.sort((a, b) => a.offset - b.offset);
  for (const { offset, flag } of located) flags.push({ ...flag, ...positionAt(starts, offset) });
  return flags;
}

/** A flag as written to a static draft's `review:` front matter. */
export type FrontMatterFlag = { readonly rule: string; readonly message: string; readonly line?: number; readonly column?: number };

/** Formats flags for the `review:` front-matter list (DESIGN.md "A static draft"). */
export function formatFlagsForFrontMatter(flags: readonly ReviewFlag[]): FrontMatterFlag[] {
  return flags.map((f) => ({
    rule: f.rule,
    message: f.message,
    ...(f.line !== undefined && { line: f.line }),
    ...(f.column !== undefined && { column: f.column }),
  }));
}
