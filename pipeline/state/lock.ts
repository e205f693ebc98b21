/** One run at a time: a lock on the state folder, taken over when its owner process is dead. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { LockHeldError } from '../errors.ts';

type Owner = { pid: number; host: string; started: string; command: string };

/**
 * Takes the state lock (`<stateDir>/lock`). A lock whose owner is a dead process on this host is
 * removed and taken over; a live one throws LockHeldError (exit 3).
 * @returns a release function.
 */
export async function acquireLock(stateDir: string, command: string): Promise<() => Promise<void>> {
  await mkdir(stateDir, { recursive: true });
  const target = path.join(stateDir, 'lock');
  const ownerFile = path.join(stateDir, 'lock.owner.json');
  const options = { realpath: false, lockfilePath: `${target}.d`, stale: 30_000, update: 10_000 } as const;
  const take = async (): Promise<() => Promise<void>> => {
    const release = await lockfile.lock(target, { ...options, onCompromised: () => undefined });
    const owner: Owner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command };
    await writeFile(ownerFile, JSON.stringify(owner));
    return async () => {
      await rm(ownerFile, { force: true });
      await release();
    };
  };
  try {
    return await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerFile);
    if (owner && owner.host === os.hostname() && !isAlive(owner.pid)) {
      await rm(`${target}.d`, { recursive: true, force: true });
      return await take();
    }
    const who = owner ? `process ${owner.pid} (${owner.command}, since ${owner.started})` : 'another process';
    throw new LockHeldError(`Another copydesk run holds the lock on ${stateDir}: ${who}`, { cause: error });
  }
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Owner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
