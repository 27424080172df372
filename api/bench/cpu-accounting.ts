import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by one party of the bench (client, server, PostgreSQL), from /proc. */
export type CpuParty = 'client' | 'server' | 'postgres';
export type CpuSnapshot = Record<CpuParty, number>;

const TICKS_PER_SECOND = 100;

/** The process's own CPU plus that of its children that have exited (PostgreSQL backends). */
function processCpuSeconds(pid: number | string): number {
  try {
    // Fields after the parenthesised command name: utime, stime, cutime, cstime are the 12th to 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15);
    return fields.reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS_PER_SECOND;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** With WORKERS>1 the server is the primary and the workers it forked. */
function serverCpuSeconds(pid: number): number {
  const workers = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && commandOf(entry) === 'node' && parentOf(entry) === pid);
  return workers.reduce((sum, worker) => sum + processCpuSeconds(worker), processCpuSeconds(pid));
}

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function postgresPids(): string[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && commandOf(entry) === 'postgres');
}

function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Who spent the machine's CPU: on a 2-core box the bench client, Roster and PostgreSQL compete,
 * so a phase's rate depends on all three. A backend that exits mid-phase moves its CPU into the
 * postmaster's children's time, which is counted too.
 */
export function cpuSnapshot(serverPid: number | undefined): CpuSnapshot {
  return {
    client: processCpuSeconds(process.pid),
    server: serverPid === undefined ? 0 : serverCpuSeconds(serverPid),
    postgres: postgresPids().reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
  };
}

export function cpuSince(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return { client: after.client - before.client, server: after.server - before.server, postgres: after.postgres - before.postgres };
}

/** A process's resident memory now and at its peak (VmHWM), in MB, from /proc. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}
