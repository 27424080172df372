import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface InstanceInfo {
  pid: number;
  pgPort: number;
  httpPort?: number;
}

export class InstanceRunningError extends Error {
  constructor(readonly info: InstanceInfo, dataDir: string) {
    super(
      `Roster is already running on ${dataDir} (pid ${info.pid}` +
        `${info.httpPort ? `, http port ${info.httpPort}` : ''}). ` +
        'Stop it first, or give this one its own DATA_DIR.',
    );
  }
}

const lockPath = (dataDir: string) => join(dataDir, 'instance.json');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live instance owning this data folder, if any (stale files from a crash are ignored). */
export async function readInstance(dataDir: string): Promise<InstanceInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as InstanceInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims the data folder for this process with an exclusive create, so two processes starting
 * at the same moment cannot both own the embedded cluster.
 */
export async function claimInstance(dataDir: string, info: InstanceInfo): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath(dataDir), 'wx');
      await handle.writeFile(JSON.stringify(info));
      await handle.close();
      return () => rm(lockPath(dataDir), { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const running = await readInstance(dataDir);
      if (running) throw new InstanceRunningError(running, dataDir);
      await rm(lockPath(dataDir), { force: true });
    }
  }
  throw new Error(`Could not claim ${lockPath(dataDir)}`);
}

export async function updateInstance(dataDir: string, info: InstanceInfo): Promise<void> {
  await writeFile(lockPath(dataDir), JSON.stringify(info));
}
