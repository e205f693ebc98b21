/** The few thrown error classes, mapped to exit codes in one place (the CLI's top level). */
import type { LocatedMessage } from './messages.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3, budget: 4 } as const;

/** Bad command-line usage or configuration: exit 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** The config file has problems; every one is located. Exit 2. */
export class ConfigError extends UsageError {
  override readonly name = 'ConfigError';
  constructor(readonly messages: readonly LocatedMessage[], options?: ErrorOptions) {
    super(`Configuration has ${messages.length} problem${messages.length === 1 ? '' : 's'}`, options);
  }
}

/** Another run holds the state lock. Exit 3. */
export class LockHeldError extends Error {
  override readonly name = 'LockHeldError';
}
