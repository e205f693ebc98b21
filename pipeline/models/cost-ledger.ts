/** The run's cost ledger and budget: a call is sent only if spent + reserved + its worst case stays within the budget. */
import { BudgetExceededError } from './errors.ts';
import { addUsage, ZERO_USAGE, type Usage } from './types.ts';

export type LedgerEntry = {
  readonly time: string;
  readonly briefId: string;
  readonly stage: string;
  readonly task: string;
  readonly provider: string;
  readonly model: string;
  readonly usage: Usage;
  readonly costUsd: number;
  /** Answered through the Message Batches API (half price). */
  readonly batch: boolean;
};

/** Money set aside for one call until its usage is known. */
export type Reservation = { readonly usd: number; settled: boolean };

export type CostLedger = {
  readonly entries: readonly LedgerEntry[];
  /** Sets `usd` aside, or throws `BudgetExceededError` (nothing is reserved then). */
  reserve(briefId: string, usd: number): Reservation;
  /** Releases a reservation (the call was answered or failed). */
  settle(reservation: Reservation): void;
  /** Records what a call really cost. */
  record(entry: LedgerEntry): void;
  usage(): Usage;
  costUsd(): number;
  reservedUsd(): number;
  /** Share of prompt tokens read from the cache: read / (input + cache write + cache read); 0 before any call. */
  cacheHitRate(): number;
};

/** Rounding slack so a budget of exactly n × the worst case admits n calls. */
const EPSILON = 1e-9;

/** Creates a ledger with an optional budget in dollars. */
export function createCostLedger(maxCostUsd?: number): CostLedger {
  const entries: LedgerEntry[] = [];
  let spent = 0;
  let reserved = 0;
  return {
    entries,
    reserve(briefId, usd) {
      if (maxCostUsd !== undefined && spent + reserved + usd > maxCostUsd + EPSILON) {
        throw new BudgetExceededError(briefId, maxCostUsd, spent, reserved, usd);
      }
      reserved += usd;
      return { usd, settled: false };
    },
    settle(reservation) {
      if (reservation.settled) return;
      reservation.settled = true;
      reserved -= reservation.usd;
    },
    record(entry) {
      entries.push(entry);
      spent += entry.costUsd;
    },
    usage: () => entries.reduce((sum, e) => addUsage(sum, e.usage), ZERO_USAGE),
    costUsd: () => spent,
    reservedUsd: () => reserved,
    cacheHitRate() {
      const u = entries.reduce((sum, e) => addUsage(sum, e.usage), ZERO_USAGE);
      const prompt = u.inputTokens + u.cacheWriteTokens + u.cacheReadTokens;
      return prompt === 0 ? 0 : u.cacheReadTokens / prompt;
    },
  };
}
