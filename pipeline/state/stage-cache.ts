/** Stage results cached by content hash under `.copydesk/cache/`: nothing is paid for twice. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { sha256 } from '../prompts/load-prompts.ts';

export type StageCache = {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
};

/** Key of a stage's result: the previous key, the stage and anything else that shapes its output. */
export function stageKey(previous: string, stage: string, fingerprint = ''): string {
  return sha256(`${previous}\u0000${stage}\u0000${fingerprint}`);
}

/** A cache of JSON files named by key (two-level fan-out keeps folders small). */
export function createStageCache(stateDir: string): StageCache {
  const fileOf = (key: string): string => path.join(stateDir, 'cache', key.slice(0, 2), `${key}.json`);
  return {
    async get<T>(key: string): Promise<T | undefined> {
      let text: string;
      try {
        text = await readFile(fileOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return JSON.parse(text) as T;
    },
    async set(key, value) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, JSON.stringify(value));
    },
  };
}
