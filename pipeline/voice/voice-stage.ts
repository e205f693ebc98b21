/** The `voice` stage: lint the draft with the brand's rules, fix what rules can fix, ask the model for the rest. */
import type { DraftDoc, ReviewFlag, Stage, StageContext } from '../document.ts';
import { calibrateVoice, type RoundRecord } from './calibrate-voice.ts';
import { collectNamedFacts } from './keep-facts.ts';
import { assessVoice, loadVoiceRules } from './load-voice-rules.ts';
import { buildRewriteRequest, rewriteAnswerSchema, type RewriteAnswer, type RewriteInput } from './rewrite-request.ts';

export const RULE_SCORE_BELOW_THRESHOLD = 'voice/score-below-threshold';
export const RULE_REWRITE_FAILED = 'voice/rewrite-failed';

/** A remaining alert, located in the draft body. */
export type VoiceStageAlert = {
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: ReviewFlag['severity'];
  readonly message: string;
};

/** What the stage records in `doc.stages.voice`. */
export type VoiceStageResult = {
  /** Hash of the rule files and settings used (see `loadVoiceRules`). */
  readonly rules: string;
  /** Score of the draft as drafted (0–100). */
  readonly before: number;
  /** Score after fixes and rewrites. */
  readonly after: number;
  readonly threshold: number;
  /** Model rewrite rounds performed. */
  readonly rounds: number;
  /** Alerts fixed by rule actions. */
  readonly fixed: number;
  readonly words: number;
  /** Alerts that remain, with positions in the body. */
  readonly alerts: readonly VoiceStageAlert[];
  readonly history: readonly RoundRecord[];
};

export class VoiceRewriteError extends Error {
  override readonly name = 'VoiceRewriteError';
}

export type VoiceStageOptions = {
  /** Project root: `voice.styles` and `voice.vale_config` are relative to it (default: the working directory). */
  readonly root?: string;
};

async function requestRewrite(input: RewriteInput, ctx: StageContext, briefId: string): Promise<RewriteAnswer> {
  const answer = await ctx.call(buildRewriteRequest(input, ctx, briefId));
  if (answer.stopReason === 'refusal') throw new VoiceRewriteError(`the model declined the rewrite${answer.refusalCategory ? ` (${answer.refusalCategory})` : ''}`);
  if (answer.stopReason === 'max_tokens') throw new VoiceRewriteError('the rewrite was cut off at the token limit');
  const parsed = rewriteAnswerSchema.safeParse(answer.json ?? safeJson(answer.text));
  if (!parsed.success) throw new VoiceRewriteError(`the rewrite answer does not match its schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VoiceRewriteError(`the rewrite answer is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Creates the voice stage with the project root. */
export function createVoiceStage(options: VoiceStageOptions = {}): Stage {
  // Each unusable rule is reported once per stage, not once per draft.
  const warned = new Set<string>();
  return {
    name: 'voice',
    async run(doc: DraftDoc, ctx: StageContext): Promise<DraftDoc> {
      const config = ctx.config.voice;
      if (!config.enabled) return doc;
      const rules = loadVoiceRules(config, options.root ?? process.cwd());
      for (const warning of rules.warnings) {
        if (!warned.has(warning)) ctx.logger.warn(`voice: ${warning}`);
        warned.add(warning);
      }
      const file = `${doc.job.brief.slug}.md`;
      const assess = (markdown: string) => assessVoice(markdown, rules, { file, weights: config.weights });
      const flags: ReviewFlag[] = doc.flags.filter((f) => !f.rule.startsWith('voice/'));
      let failure: string | undefined;
      const result = await calibrateVoice(doc.markdown, {
        assess,
        names: collectNamedFacts(doc.job.brief),
        title: doc.title,
        threshold: config.threshold,
        maxRounds: config.max_rounds,
        rewrite: async (input) => {
          ctx.signal.throwIfAborted();
          try {
            return await requestRewrite(input, ctx, doc.job.id);
          } catch (error) {
            if (!(error instanceof VoiceRewriteError)) throw error;
            // A failed rewrite leaves the best version so far; the reason goes to the reviewer.
            failure = error.message;
            return { paragraphs: input.paragraphs.map((p) => ({ id: p.id, text: p.text })) };
          }
        },
      });
      const alerts = result.report.alerts.map((a) => ({ line: a.line, column: a.column, rule: a.rule, severity: a.severity, message: a.message }));
      for (const a of alerts) {
        if (a.severity === 'error') flags.push({ rule: `voice/${a.rule}`, message: a.message, severity: 'error', line: a.line, column: a.column });
      }
      if (result.after < config.threshold) {
        flags.push({ rule: RULE_SCORE_BELOW_THRESHOLD, message: `Voice score ${result.after} is below the threshold ${config.threshold}`, severity: 'warning' });
      }
      if (failure) flags.push({ rule: RULE_REWRITE_FAILED, message: `Voice rewrite stopped: ${failure}`, severity: 'warning' });
      const stage: VoiceStageResult = {
        rules: rules.hash,
        before: result.before,
        after: result.after,
        threshold: config.threshold,
        rounds: result.rounds,
        fixed: result.fixed,
        words: result.report.words,
        alerts,
        history: result.history,
      };
      ctx.logger.debug(`voice ${doc.job.id}: ${result.before} → ${result.after} (${result.rounds} rounds, ${result.fixed} fixes)`);
      return { ...doc, markdown: result.markdown, flags, stages: { ...doc.stages, voice: stage } };
    },
  };
}

/** The voice stage with the working directory as project root. */
export const voiceStage: Stage = createVoiceStage();
