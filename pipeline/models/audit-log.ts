/** `.copydesk/audit.jsonl`: one line per model call. No secrets; prompt text only when debugging is asked for. */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

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
