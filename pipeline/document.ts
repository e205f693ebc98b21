/** The document that flows through the stages, and the stage contract. */
import type { Brief, TargetKind } from './briefs/schema.ts';
import type { Severity } from './messages.ts';
import type { ModelAnswer, ModelRequest } from './models/types.ts';

/** Something a human should look at; travels with the draft into its front matter or CMS fields. */
export type ReviewFlag = {
  readonly rule: string;
  readonly message: string;
  readonly severity: Severity;
  /** Position in the draft body (1-based), when the flag points at text. */
  readonly line?: number;
  readonly column?: number;
};

export type Job = {
  readonly id: string;
  readonly brief: Brief;
  readonly target: TargetKind;
  /** Content hash of the brief, the prompt files, the config that shapes it and the models. */
  readonly hash: string;
};

/** What a stage adds to the document; each later issue adds its own typed field. */
export type DraftDoc = {
  readonly job: Job;
  /** The page's H1 title. */
  readonly title: string;
  /** Markdown body (no front matter, no H1: the title is the H1). */
  readonly markdown: string;
  /** Short summary used as description until the SEO stage writes one. */
  readonly description: string;
  readonly tags: readonly string[];
  /** Model that wrote the draft (`offline` for the offline drafter). */
  readonly model: string;
  readonly flags: readonly ReviewFlag[];
  /** Per-stage results, keyed by stage name (voice scores, SEO checks, link reasons, …). */
  readonly stages: Readonly<Record<string, unknown>>;
  /** Extra front-matter fields a stage contributes (seo_title, jsonld, og, …). */
  readonly fields: Readonly<Record<string, unknown>>;
};

/** Sends one model request for a stage, through the shared queue, budget and audit log. */
export type ModelCall = (request: ModelRequest) => Promise<ModelAnswer>;

export type Logger = {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
};

export type StageContext = {
  readonly call: ModelCall;
  /** Loads `prompts/<task>.md`: model settings and the filled template. */
  readonly prompts: import('./prompts/load-prompts.ts').PromptSet;
  readonly config: import('./config/schema.ts').Config;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly signal: AbortSignal;
};

export type Stage = {
  readonly name: string;
  run(doc: DraftDoc, ctx: StageContext): Promise<DraftDoc>;
};
