/** Submitted Message Batches kept in the state folder (`<stateDir>/batches/<batchId>.json`), so a later run can collect them. */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

const storedRequestSchema = z.object({
  key: z.string(),
  briefId: z.string(),
  stage: z.string(),
  task: z.string(),
  model: z.string(),
});

const storedResultSchema = z.object({
  type: z.enum(['succeeded', 'errored', 'canceled', 'expired']),
  /** The Message, for succeeded results. */
  message: z.unknown().optional(),
  /** The error body, for errored results. */
  error: z.unknown().optional(),
});

const storedBatchSchema = z.object({
  batchId: z.string(),
  submittedAt: z.string(),
  run: z.string(),
  status: z.enum(['submitted', 'ended']),
  requests: z.array(storedRequestSchema),
  results: z.record(z.string(), storedResultSchema).default({}),
  /** Keys whose result has been charged to a run's ledger already. */
  charged: z.array(z.string()).default([]),
});

export type StoredBatch = z.infer<typeof storedBatchSchema>;
export type StoredResult = z.infer<typeof storedResultSchema>;

export type BatchStore = {
  /** Every batch on record, oldest first. */
  list(): readonly StoredBatch[];
  /** The batch holding a request key, if any. */
  find(key: string): StoredBatch | undefined;
  save(batch: StoredBatch): Promise<void>;
};

/** Reads the batch records of a state folder (a corrupt record is an error that names the file). */
export function openBatchStore(stateDir: string): BatchStore {
  const dir = path.join(stateDir, 'batches');
  const batches = new Map<string, StoredBatch>();
  const byKey = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const index = (batch: StoredBatch): void => {
    batches.set(batch.batchId, batch);
    for (const r of batch.requests) byKey.set(r.key, batch.batchId);
  };
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = storedBatchSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`Batch record \`${file}\` is invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    index(parsed.data);
  }
  let writes: Promise<void> = Promise.resolve();
  return {
    list: () => [...batches.values()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    find(key) {
      const id = byKey.get(key);
      return id ? batches.get(id) : undefined;
    },
    save(batch) {
      index(batch);
      const text = `${JSON.stringify(batch, null, 2)}\n`;
      writes = writes.then(async () => {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(path.join(dir, `${batch.batchId}.json`), text);
      });
      return writes;
    },
  };
}
