/** What publishing a draft did, and the per-target record of what copydesk wrote. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export type PublishStatus = 'created' | 'updated' | 'unchanged' | 'kept' | 'conflict';

export type PublishResult = {
  readonly status: PublishStatus;
  /** File path or CMS id. */
  readonly location: string;
  readonly rule?: string;
  readonly message?: string;
};

/** One entry per brief and target: where it went, from which job hash, and the hash of what was written. */
export type TargetRecord = {
  readonly briefId: string;
  readonly location: string;
  readonly jobHash: string;
  readonly contentHash: string;
  readonly date: string;
  readonly runId: string;
  readonly version?: number;
};

export type TargetRecords = {
  get(briefId: string): TargetRecord | undefined;
  findBy(predicate: (record: TargetRecord) => boolean): TargetRecord | undefined;
  set(record: TargetRecord): Promise<void>;
};

/** Loads `<stateDir>/targets/<target>.json`; every `set` is written through atomically. */
export async function loadTargetRecords(stateDir: string, target: string): Promise<TargetRecords> {
  const file = path.join(stateDir, 'targets', `${target}.json`);
  let records: Record<string, TargetRecord> = {};
  try {
    records = JSON.parse(await readFile(file, 'utf8')) as Record<string, TargetRecord>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let writing = Promise.resolve();
  return {
    get: (briefId) => records[briefId],
    findBy: (predicate) => Object.values(records).find(predicate),
    async set(record) {
      records = { ...records, [record.briefId]: record };
      const snapshot = JSON.stringify(records, null, 2);
      writing = writing.then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, snapshot);
      });
      await writing;
    },
  };
}
