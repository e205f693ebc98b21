/**
 * The model client every stage calls through `ctx.call`: provider routing per task, one scheduler per
 * API (rate limits, retries), the budget, the cost ledger, the audit log, answer validation (schema,
 * refusal, truncation, one JSON repair) and batch mode (see `batch-mode.ts`).
 */
import path from 'node:path';
import type { Logger, ModelCall } from '../document.ts';
import { PromptError, type PromptSet } from '../prompts/load-prompts.ts';
import { createAnthropicProvider, type AnthropicProvider } from './anthropic-provider.ts';
import { createAuditLog, toAuditEntry, type AuditEntry } from './audit-log.ts';
import { createBatchMode, type BatchCollection, type BatchMode, type BatchSubmission } from './batch-mode.ts';
import { openBatchStore } from './batch-store.ts';
import { buildRepairRequest, checkStructuredAnswer } from './check-answer.ts';
import type { ModelsConfig } from './config.ts';
import { createCostLedger, type CostLedger } from './cost-ledger.ts';
import { BatchPendingError, BudgetExceededError, ModelAnswerError, ModelCallAbortedError, ModelConfigError } from './errors.ts';
import { createOpenAIProvider } from './openai-provider.ts';
import { createPrefixGate } from './prefix-gate.ts';
import { cachedPrefixTokens, cacheTtlOf, costOfUsage, estimateCost, estimateTokens, findPrice, worstCaseCost, type Price } from './pricing.ts';
import { createScheduler, type Scheduler, type SchedulerStats } from './scheduler.ts';
import type { ModelAnswer, ModelProvider, ModelRequest, Usage } from './types.ts';

export type ProviderName = 'anthropic' | 'openai' | 'offline';

export type ModelClientOptions = {
  /** The `models:` config section. */
  readonly config: ModelsConfig;
  /** Providers by name; `offline` (the offline drafter) is required for runs without a key. `anthropic` and `openai` are built from `env` when not given. */
  readonly providers?: Readonly<Partial<Record<ProviderName, ModelProvider>>>;
  /** Environment for keys and base URLs (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Prompt files: each task's `provider` and `retry_max_tokens` come from `prompts/<task>.md`. */
  readonly prompts?: PromptSet;
  readonly runId: string;
  /** State folder: `audit.jsonl` and `batches/` go here. */
  readonly stateDir: string;
  /** Budget in dollars for this run (default: `config.max_cost_usd`, else none). */
  readonly maxCostUsd?: number;
  /** SIGINT: no new calls once aborted; calls already sent finish. */
  readonly signal?: AbortSignal;
  /** Clock in ms (default: `Date.now`). */
  readonly clock?: () => number;
  /** Write the audit log (default: `config.audit`). */
  readonly audit?: boolean;
  /** Put prompt text into the audit log (default: `config.debug_prompts`). */
  readonly debugPrompts?: boolean;
  /** Batch mode: Anthropic calls are recorded for a Message Batch instead of sent (default: `false`). */
  readonly batch?: boolean;
  /** Rate-limit window in ms (default: `60000`; the benchmark compresses time). */
  readonly windowMs?: number;
  /** How long a request may take to reach the API, in ms (default: `500`; see `scheduler.ts`). */
  readonly transitMs?: number;
  /** Warnings, such as a cache breakpoint on a prefix too short to be cached (default: none). */
  readonly logger?: Pick<Logger, 'warn'>;
};

export type ModelClient = {
  /** The provider tasks go to unless their prompt names another: `anthropic` with a key or base URL, else `offline`. */
  readonly providerName: ProviderName;
  /** Sends one request (or, in batch mode, answers it from a collected batch). */
  readonly call: ModelCall;
  readonly ledger: CostLedger;
  /** Model calls answered so far this run (retries and repairs included). */
  calls(): number;
  /** Tokens used so far this run. */
  usage(): Usage;
  /** Dollars spent so far this run. */
  costUsd(): number;
  /** Share of prompt tokens read from the cache this run; null before any prompt token was counted (offline runs). */
  cacheHitRate(): number | null;
  /** Whether a call was refused for the budget (the run exits 4). */
  budgetExceeded(): boolean;
  /** Whether an error means "leave this brief for the next run": the budget, or a request waiting for its batch. */
  isDeferral(error: unknown): boolean;
  /** Scheduler counters for the Anthropic API (sent, retries, 429s, paused ms). */
  schedulerStats(): SchedulerStats;
  /**
   * Batch mode: sends the recorded requests as one Message Batch (undefined when none was sent). Requests
   * whose worst case (at the batch rate) would pass the budget stay unsent: `deferredCount`, and `budgetExceeded()` turns true.
   */
  submitBatch(): Promise<BatchSubmission | undefined>;
  /** Fetches the results of ended batches stored in the state folder; `wait` polls until they end. */
  collectBatches(options?: { readonly wait?: boolean; readonly pollMs?: number }): Promise<BatchCollection>;
  /**
   * For `copydesk plan`: the request's input tokens (`count_tokens` when a key or base URL is set, else a
   * local estimate) and its dollars with `max_tokens` of output: `worstCaseUsd` with the cached prefix
   * written, `cachedUsd` with it read from the cache (every brief after the first). 0 for unpriced models.
   */
  estimate(request: ModelRequest): Promise<{ readonly inputTokens: number; readonly worstCaseUsd: number; readonly cachedUsd: number; readonly source: 'count_tokens' | 'local' }>;
  /** Waits for calls in flight and for the audit log to reach the disk. */
  close(): Promise<void>;
};

type Route = { readonly provider: ProviderName; readonly retryMaxTokens: number | undefined };
type Purpose = AuditEntry['purpose'];

/** The located failure for an answer that cannot be used. */
function invalidAnswer(request: ModelRequest, reason: string): ModelAnswerError {
  return new ModelAnswerError({
    file: request.meta.promptFile ?? `prompts/${request.task}.md`,
    line: 1,
    column: 1,
    rule: 'model/invalid-answer',
    severity: 'error',
    message: `Brief \`${request.meta.briefId}\`, task \`${request.task}\`: ${reason}`,
  });
}

/** Creates the model client for one run. */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const { config } = options;
  const env = options.env ?? process.env;
  const clock = options.clock ?? Date.now;
  const ledger = createCostLedger(options.maxCostUsd ?? config.max_cost_usd);
  const audit = createAuditLog((options.audit ?? config.audit) ? path.join(options.stateDir, 'audit.jsonl') : undefined);
  const debugPrompts = options.debugPrompts ?? config.debug_prompts;
  const gate = createPrefixGate(clock);
  const retries = { max: config.retries.max, baseMs: config.retries.base_ms, maxMs: config.retries.max_ms };
  const schedulerBase = { retries, now: clock, ...(options.signal ? { signal: options.signal } : {}), ...(options.windowMs ? { windowMs: options.windowMs } : {}), ...(options.transitMs === undefined ? {} : { transitMs: options.transitMs }) };
  const anthropicScheduler = createScheduler({ ...schedulerBase, concurrency: config.limits.concurrency, rpm: config.limits.rpm, itpm: config.limits.itpm, otpm: config.limits.otpm });
  const openaiScheduler = createScheduler({ ...schedulerBase, concurrency: config.limits.concurrency });
  const providers = new Map<ProviderName, ModelProvider>(Object.entries(options.providers ?? {}) as [ProviderName, ModelProvider][]);
  const anthropicKey = env['ANTHROPIC_API_KEY'] ?? (env['ANTHROPIC_BASE_URL'] ? 'local' : undefined);
  const hasOpenAI = Boolean(env['OPENAI_API_KEY'] || env['OPENAI_BASE_URL'] || config.openai.base_url);
  let batchMode: BatchMode | undefined;
  let budgetHit = false;

  const route = (task: string): Route => {
    let prompt: ReturnType<PromptSet['load']> | undefined;
    try {
      prompt = options.prompts?.load(task);
    } catch (error) {
      // A task without a prompt file (a stage's inline prompt) takes the default route.
      if (!(error instanceof PromptError)) throw error;
    }
    const wanted = prompt?.provider ?? 'anthropic';
    const available = (wanted === 'anthropic' && (anthropicKey || providers.has('anthropic'))) || (wanted === 'openai' && (hasOpenAI || providers.has('openai')));
    return { provider: wanted === 'offline' || !available ? 'offline' : wanted, retryMaxTokens: prompt?.retryMaxTokens };
  };

  const providerFor = (name: ProviderName): ModelProvider => {
    const existing = providers.get(name);
    if (existing) return existing;
    let created: ModelProvider;
    if (name === 'anthropic' && anthropicKey) {
      created = createAnthropicProvider({ apiKey: anthropicKey, ...(env['ANTHROPIC_BASE_URL'] ? { baseURL: env['ANTHROPIC_BASE_URL'] } : {}), timeoutMs: config.timeout_ms, onRateLimit: (report, requestId) => anthropicScheduler.observe(report, requestId), now: clock });
    } else if (name === 'openai') {
      const openaiBase = config.openai.base_url ?? env['OPENAI_BASE_URL'];
      created = createOpenAIProvider({ apiKey: env['OPENAI_API_KEY'] ?? 'none', ...(openaiBase ? { baseURL: openaiBase } : {}), timeoutMs: config.timeout_ms, now: clock });
    } else {
      throw new ModelConfigError(`No \`${name}\` model provider is available; pass it to createModelClient (the offline provider) or set its key`);
    }
    providers.set(name, created);
    return created;
  };

  const priceFor = (provider: ModelProvider, model: string): Price | undefined => {
    if (provider.name === 'offline') return undefined;
    const price = findPrice(model, config.prices);
    if (!price && provider.name === 'anthropic') throw new ModelConfigError(`No price for model \`${model}\`; add it under \`models.prices\` in the config`);
    return price;
  };

  const batchFor = (provider: ModelProvider): BatchMode => {
    batchMode ??= createBatchMode({
      store: openBatchStore(options.stateDir),
      provider: provider as AnthropicProvider,
      ledger,
      runId: options.runId,
      worstCaseUsd: (request) => {
        const price = priceFor(provider, request.model);
        return price ? worstCaseCost(request, price, { batch: true }) : 0;
      },
      ...(options.signal ? { signal: options.signal } : {}),
      now: clock,
    });
    return batchMode;
  };

  const writeAudit = (request: ModelRequest, purpose: Purpose, provider: string, answer: ModelAnswer | undefined, costUsd: number, extra: Partial<AuditEntry> = {}): void => {
    const time = new Date(clock()).toISOString();
    audit.write({ ...toAuditEntry({ request, purpose, provider, answer, costUsd, time, run: options.runId, debugPrompts }), ...extra });
  };

  const recordAnswer = (request: ModelRequest, provider: ModelProvider, answer: ModelAnswer, costUsd: number, batch: boolean): void => {
    ledger.record({ time: new Date(clock()).toISOString(), briefId: request.meta.briefId, stage: request.meta.stage, task: request.task, provider: provider.name, model: answer.model, usage: answer.usage, costUsd, batch });
  };

  /** Sends one request to its provider: budget, cache warm-up gate, scheduler, ledger and audit. */
  const send = async (request: ModelRequest, provider: ModelProvider, purpose: Purpose): Promise<ModelAnswer> => {
    if (options.signal?.aborted) throw new ModelCallAbortedError(request.meta.briefId);
    const price = priceFor(provider, request.model);
    const ttl = cacheTtlOf(request);
    const costOptions = ttl ? { cacheTtl: ttl } : {};
    if (options.batch && provider.name === 'anthropic') {
      const { answer, batchId, charge } = await batchFor(provider).send(request);
      const cost = charge && price ? costOfUsage(answer.usage, price, { ...costOptions, batch: true }) : 0;
      recordAnswer(request, provider, answer, cost, true);
      writeAudit(request, purpose, provider.name, answer, cost, { batch_id: batchId });
      return answer;
    }
    if (provider.name === 'offline') {
      const answer = await provider.complete(request);
      recordAnswer(request, provider, answer, 0, false);
      writeAudit(request, purpose, provider.name, answer, 0);
      return answer;
    }
    const inputTokens = estimateTokens(request);
    const reservation = ledger.reserve(request.meta.briefId, price ? worstCaseCost(request, price, { inputTokens }) : 0);
    let answer: ModelAnswer | undefined;
    try {
      const warm = provider.name === 'anthropic' ? await gate.enter(request) : false;
      try {
        // Cache reads do not count toward the input-token limit, so a warm prefix is left out of the demand.
        const demand = { briefId: request.meta.briefId, inputTokens: inputTokens - (warm ? cachedPrefixTokens(request) : 0), outputTokens: request.maxTokens };
        const scheduler: Scheduler = provider.name === 'anthropic' ? anthropicScheduler : openaiScheduler;
        answer = await scheduler.schedule(demand, () => provider.complete(request));
      } finally {
        if (provider.name === 'anthropic' && gate.leave(request, answer)) {
          options.logger?.warn(`The cached system prefix of task \`${request.task}\` (model ${request.model}) was not cached: it is probably shorter than the model's minimum cacheable length`);
        }
      }
    } catch (error) {
      ledger.settle(reservation);
      writeAudit(request, purpose, provider.name, undefined, 0, { error: `${(error as Error).name}: ${(error as Error).message}` });
      throw error;
    }
    const cost = price ? costOfUsage(answer.usage, price, costOptions) : 0;
    ledger.settle(reservation);
    recordAnswer(request, provider, answer, cost, false);
    writeAudit(request, purpose, provider.name, answer, cost);
    return answer;
  };

  const call: ModelCall = async (request) => {
    const { provider: name, retryMaxTokens } = route(request.task);
    const provider = providerFor(name);
    let answer = await send(request, provider, 'call');
    let sent = request;
    if (answer.stopReason === 'max_tokens' && retryMaxTokens !== undefined && retryMaxTokens > request.maxTokens) {
      sent = { ...request, maxTokens: retryMaxTokens };
      answer = await send(sent, provider, 'retry-max-tokens');
    }
    // A refusal or a truncation comes back typed by its stop reason; no text is invented for it.
    if (answer.stopReason === 'refusal') return { ...answer, text: '' };
    if (answer.stopReason === 'max_tokens' || !request.schema) return answer;
    const first = checkStructuredAnswer(answer.text, request.schema);
    if (first.ok) return { ...answer, json: first.value };
    // The offline model is deterministic: asking it again would give the same answer.
    if (provider.name === 'offline') throw invalidAnswer(request, first.reason);
    const repair = await send(buildRepairRequest(sent, answer.text, first.reason), provider, 'repair');
    if (repair.stopReason === 'refusal') return { ...repair, text: '' };
    if (repair.stopReason === 'max_tokens') return repair;
    const second = checkStructuredAnswer(repair.text, request.schema);
    if (second.ok) return { ...repair, json: second.value };
    throw invalidAnswer(request, `${second.reason} (after one repair attempt)`);
  };

  const guardedCall: ModelCall = async (request) => {
    try {
      return await call(request);
    } catch (error) {
      if (error instanceof BudgetExceededError) budgetHit = true;
      throw error;
    }
  };

  return {
    providerName: anthropicKey || providers.has('anthropic') ? 'anthropic' : 'offline',
    call: guardedCall,
    ledger,
    calls: () => ledger.entries.length,
    usage: () => ledger.usage(),
    costUsd: () => ledger.costUsd(),
    cacheHitRate() {
      const u = ledger.usage();
      return u.inputTokens + u.cacheWriteTokens + u.cacheReadTokens === 0 ? null : ledger.cacheHitRate();
    },
    budgetExceeded: () => budgetHit,
    isDeferral: (error) => error instanceof BudgetExceededError || error instanceof BatchPendingError,
    schedulerStats: () => anthropicScheduler.stats(),
    async submitBatch() {
      if (!batchMode) return undefined;
      const { submission, deferredCount } = await batchMode.submit();
      if (deferredCount > 0) budgetHit = true;
      return submission;
    },
    async collectBatches(collectOptions = {}) {
      if (!anthropicKey && !providers.has('anthropic')) return { collected: [], pending: [] };
      return batchFor(providerFor('anthropic')).collect({ pollMs: config.batch_poll_ms, ...collectOptions });
    },
    async estimate(request) {
      // Priced at the request's model even when the run would be offline: `plan` shows what Claude would cost.
      const provider = route(request.task).provider === 'anthropic' ? (providerFor('anthropic') as AnthropicProvider) : undefined;
      const counted = provider && 'countTokens' in provider ? await provider.countTokens(request) : undefined;
      const inputTokens = counted ?? estimateTokens(request);
      const base = { inputTokens, prices: config.prices, ...(options.batch ? { batch: true } : {}) };
      return {
        inputTokens,
        worstCaseUsd: estimateCost(request, base) ?? 0,
        cachedUsd: estimateCost(request, { ...base, prefixCached: true }) ?? 0,
        source: counted === undefined ? 'local' : 'count_tokens',
      };
    },
    async close() {
      await Promise.all([anthropicScheduler.onIdle(), openaiScheduler.onIdle()]);
      await audit.flush();
    },
  };
}
