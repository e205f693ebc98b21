/**
 * The calibration loop: deterministic fixes, then up to N model rewrites of the offending
 * paragraphs, keeping the best version seen and never a worse one.
 */
import type { Paragraph, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { fixAll } from './apply-fixes.ts';
import type { VoiceAlert } from './engine/types.ts';
import { findLostFact } from './keep-facts.ts';
import type { VoiceReport } from './load-voice-rules.ts';
import type { RewriteAnswer, RewriteInput, RewriteParagraph } from './rewrite-request.ts';

/** Most paragraphs sent in one rewrite request. */
const MAX_PARAGRAPHS = 12;

export type RoundRecord = {
  readonly round: number;
  /** Score of the candidate this round produced. */
  readonly score: number;
  readonly sent: number;
  readonly rewritten: number;
  /** Paragraph ids whose rewrite was refused, with the reason. */
  readonly rejected: readonly { readonly id: string; readonly reason: string }[];
  /** Whether the candidate replaced the best version so far. */
  readonly kept: boolean;
};

export type CalibrationResult = {
  readonly markdown: string;
  /** Score of the draft as it arrived. */
  readonly before: number;
  readonly after: number;
  /** Model rewrite rounds performed. */
  readonly rounds: number;
  readonly fixed: number;
  readonly report: VoiceReport;
  readonly history: readonly RoundRecord[];
};

export type CalibrationDeps = {
  readonly assess: (markdown: string) => VoiceReport;
  readonly rewrite: (input: RewriteInput) => Promise<RewriteAnswer>;
  /** Names from the brief that a rewrite must keep. */
  readonly names: readonly string[];
  readonly title: string;
  readonly threshold: number;
  readonly maxRounds: number;
};

type Version = { readonly markdown: string; readonly report: VoiceReport };

const parser = unified().use(remarkParse).use(remarkGfm);

function paragraphRanges(markdown: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  visit(parser.parse(markdown) as Root, 'paragraph', (node: Paragraph) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  });
  return ranges;
}

function errorsIn(report: VoiceReport): number {
  return report.alerts.filter((a) => a.severity === 'error').length;
}

/** True when `candidate` is at least as good on both counts and better on one. */
export function isBetter(candidate: VoiceReport, best: VoiceReport): boolean {
  const errors = errorsIn(candidate);
  const bestErrors = errorsIn(best);
  return candidate.score >= best.score && errors <= bestErrors && (candidate.score > best.score || errors < bestErrors);
}

function needsRewrite(report: VoiceReport, threshold: number): boolean {
  return report.score < threshold || errorsIn(report) > 0;
}

const WEIGHT = { error: 3, warning: 2, suggestion: 1 } as const;

/** Picks the paragraphs to rewrite: those holding alerts (worst first), else the longest ones for whole-draft alerts. */
export function selectParagraphs(markdown: string, alerts: readonly VoiceAlert[]): RewriteParagraph[] {
  const ranges = paragraphRanges(markdown);
  const located = alerts.filter((a) => a.endOffset > a.offset);
  const picked = ranges
    .map(([start, end], index) => ({ start, end, index, alerts: located.filter((a) => a.offset >= start && a.offset < end) }))
    .filter((p) => p.alerts.length > 0)
    .sort((a, b) => b.alerts.reduce((s, x) => s + WEIGHT[x.severity], 0) - a.alerts.reduce((s, x) => s + WEIGHT[x.severity], 0));
  const chosen =
    picked.length > 0
      ? picked
      : ranges
          .map(([start, end], index) => ({ start, end, index, alerts: [] as VoiceAlert[] }))
          .sort((a, b) => b.end - b.start - (a.end - a.start))
          .slice(0, 3);
  return chosen.slice(0, MAX_PARAGRAPHS).map((p) => ({
    id: `p${p.index + 1}@${p.start}`,
    text: markdown.slice(p.start, p.end),
    alerts: p.alerts.map((a) => ({ rule: a.rule, severity: a.severity, message: a.message, match: a.match })),
  }));
}

function linksIn(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1] as string);
}

/** Why a rewritten paragraph may not replace the original, or undefined when it may. */
function refusalReason(original: string, rewrite: string, names: readonly string[]): string | undefined {
  if (rewrite === '' || /\n\s*\n/.test(rewrite)) return 'is not a single paragraph';
  const lostFact = findLostFact(original, rewrite, names);
  if (lostFact) return lostFact;
  const lostLink = linksIn(original).find((url) => !rewrite.includes(url));
  return lostLink ? `drops the link ${lostLink}` : undefined;
}

/** Splices accepted rewrites into the draft; a rewrite that loses a fact or a link is refused. */
function spliceRewrites(markdown: string, sent: readonly RewriteParagraph[], answer: RewriteAnswer, names: readonly string[]) {
  const rejected: Array<{ id: string; reason: string }> = [];
  const accepted: Array<{ start: number; end: number; text: string }> = [];
  for (const paragraph of sent) {
    const rewrite = answer.paragraphs.find((p) => p.id === paragraph.id);
    if (!rewrite) {
      rejected.push({ id: paragraph.id, reason: 'missing from the answer' });
      continue;
    }
    const text = rewrite.text.trim();
    if (text === paragraph.text) continue;
    const reason = refusalReason(paragraph.text, text, names);
    if (reason) {
      rejected.push({ id: paragraph.id, reason });
      continue;
    }
    const start = Number(paragraph.id.split('@')[1]);
    accepted.push({ start, end: start + paragraph.text.length, text });
  }
  let out = markdown;
  for (const edit of accepted.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { markdown: out, rewritten: accepted.length, rejected };
}

/** Runs deterministic fixes and the rewrite rounds; returns the best version and its report. */
export async function calibrateVoice(markdown: string, deps: CalibrationDeps): Promise<CalibrationResult> {
  const first = deps.assess(markdown);
  const lint = (md: string) => (md === markdown ? first.alerts : deps.assess(md).alerts);
  const fixedOnce = fixAll(markdown, lint);
  let best: Version = { markdown, report: first };
  const afterFixes: Version = { markdown: fixedOnce.markdown, report: deps.assess(fixedOnce.markdown) };
  if (fixedOnce.fixed.length > 0 && !isBetter(best.report, afterFixes.report)) best = afterFixes;
  let fixed = best === afterFixes ? fixedOnce.fixed.length : 0;
  const history: RoundRecord[] = [];
  let rounds = 0;
  while (rounds < deps.maxRounds && needsRewrite(best.report, deps.threshold)) {
    rounds += 1;
    const sent = selectParagraphs(best.markdown, best.report.alerts);
    if (sent.length === 0) break;
    const documentAlerts = best.report.alerts.filter((a) => a.endOffset === a.offset).map((a) => `${a.rule}: ${a.message}`);
    const answer = await deps.rewrite({ title: deps.title, paragraphs: sent, documentAlerts });
    const spliced = spliceRewrites(best.markdown, sent, answer, deps.names);
    if (spliced.rewritten === 0) {
      history.push({ round: rounds, score: best.report.score, sent: sent.length, rewritten: 0, rejected: spliced.rejected, kept: false });
      break;
    }
    const refixed = fixAll(spliced.markdown, (md) => deps.assess(md).alerts);
    const candidate: Version = { markdown: refixed.markdown, report: deps.assess(refixed.markdown) };
    const kept = isBetter(candidate.report, best.report);
    history.push({ round: rounds, score: candidate.report.score, sent: sent.length, rewritten: spliced.rewritten, rejected: spliced.rejected, kept });
    if (kept) {
      best = candidate;
      fixed += refixed.fixed.length;
    }
  }
  return { markdown: best.markdown, before: first.score, after: best.report.score, rounds, fixed, report: best.report, history };
}
