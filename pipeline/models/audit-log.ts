/** `.copydesk/audit.jsonl`: one line per model call. No secrets; prompt text only when debugging is asked for. */
import { createHash } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelAnswer, ModelRequest } from './types.ts';

export type AuditEntry = {
  readonly time: string;
  readonly run: string;
  readonly brief: string;
  readonly stage: string;
  readonly task: string;
  readonly provider: string;
  readonly model: string;
  readonly prompt_file: string | null;
  readonly prompt_hash: string | null;
  /** Why the call was made: the first `call`, a `retry-max-tokens` with a larger budget, or a JSON `repair`. */
  readonly purpose: 'call' | 'retry-max-tokens' | 'repair';
  readonly tokens: { readonly input: number; readonly cache_write: number; readonly cache_read: number; readonly output: number };
  readonly cost_usd: number;
  readonly stop_reason: string | null;
  readonly latency_ms: number;
  readonly request_id: string | null;
  /** sha256 of the answer text. */
  readonly answer_hash: string | null;
  /** Set for answers collected from a Message Batch. */
  readonly batch_id?: string;
  /** Set when the call failed: the error's name and message. */
  readonly error?: string;
  /** Only with the debug flag: the system and messages sent. */
  readonly prompt?: unknown;
};

export type AuditLog = {
  write(entry: AuditEntry): void;
  /** Resolves when every line is on disk; rejects with the first write error. */
  flush(): Promise<void>;
};

/** Creates the audit log at `file`; `undefined` turns it off. Lines are appended in call order. */
export function createAuditLog(file: string | undefined): AuditLog {
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  let folderMade = false;
  return {
    write(entry) {
      if (!file) return;
      const line = `${JSON.stringify(entry)}\n`;
      chain = chain
        .then(async () => {
          if (!folderMade) await mkdir(path.dirname(file), { recursive: true });
          folderMade = true;
          await appendFile(file, line, 'utf8');
        })
        // Kept and rethrown by flush(), so one failed write does not stop the run mid-call.
        .catch((error: unknown) => {
          failure ??= error;
        });
    },
    async flush() {
      await chain;
      if (failure) throw new Error(`Cannot write the audit log \`${String(file)}\``, { cause: failure });
    },
  };
}

/** Builds the audit line of a call (pure); `answer` is undefined when the call failed. */
export function toAuditEntry(call: {
  readonly request: ModelRequest;
  readonly purpose: AuditEntry['purpose'];
  readonly provider: string;
  readonly answer: ModelAnswer | undefined;
  readonly costUsd: number;
  readonly time: string;
  readonly run: string;
  readonly debugPrompts: boolean;
}): AuditEntry {
  const { request, answer } = call;
  return {
    time: call.time,
    run: call.run,
    brief: request.meta.briefId,
    stage: request.meta.stage,
    task: request.task,
    provider: call.provider,
    model: answer?.model ?? request.model,
    prompt_file: request.meta.promptFile ?? null,
    prompt_hash: request.meta.promptHash ?? null,
    purpose: call.purpose,
    tokens: {
      input: answer?.usage.inputTokens ?? 0,
      cache_write: answer?.usage.cacheWriteTokens ?? 0,
      cache_read: answer?.usage.cacheReadTokens ?? 0,
      output: answer?.usage.outputTokens ?? 0,
    },
    cost_usd: call.costUsd,
    stop_reason: answer?.stopReason ?? null,
    latency_ms: answer?.latencyMs ?? 0,
    request_id: answer?.requestId ?? null,
    answer_hash: answer ? createHash('sha256').update(answer.text).digest('hex') : null,
    ...(call.debugPrompts ? { prompt: { system: request.system, messages: request.messages } } : {}),
  };
}
