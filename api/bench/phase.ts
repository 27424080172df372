import { performance } from 'node:perf_hooks';
import { cpuSince, cpuSnapshot, type CpuSnapshot } from './cpu-accounting.js';

export interface PhaseResult {
  name: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request spent by each party. */
  cpuMs: CpuSnapshot;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Runs `work` once per item with at most `concurrency` in flight; records each latency and the CPU
 * the bench client, the server (`serverPid`, if any) and PostgreSQL spent meanwhile.
 */
export async function runPhase<T>(
  name: string, items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<boolean>, serverPid?: number,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const cpuBefore = cpuSnapshot(serverPid);
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      const begin = performance.now();
      const ok = await work(items[index]!, index).catch(() => false);
      latencies.push(performance.now() - begin);
      if (!ok) errors += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore, cpuSnapshot(serverPid));
  const perRequestMs = (cpuSeconds: number) => (cpuSeconds * 1000) / items.length;
  latencies.sort((a, b) => a - b);
  return {
    name, requests: items.length, seconds, perSecond: items.length / seconds, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), errors,
    cpuMs: { client: perRequestMs(cpu.client), server: perRequestMs(cpu.server), postgres: perRequestMs(cpu.postgres) },
  };
}

const cpuMs = (ms: number) => ms.toFixed(2);

/** Met when every row has no errors, reaches its share of the raw rate and stays under its p99 limit (if any). */
export function printComparison(rows: { roster: PhaseResult; raw: PhaseResult; target: number; p99LimitMs?: number }[]): boolean {
  const header = ['phase', 'requests', 'Roster req/s', 'p50 ms', 'p99 ms', 'errors', 'plain SQL ops/s', 'SQL p99 ms', 'ratio', 'target', 'CPU ms/req client+server+pg', 'SQL CPU ms/op client+pg'];
  const lines = rows.map(({ roster, raw, target }) => [
    roster.name,
    String(roster.requests),
    roster.perSecond.toFixed(0),
    roster.p50.toFixed(1),
    roster.p99.toFixed(1),
    String(roster.errors),
    raw.perSecond.toFixed(0),
    raw.p99.toFixed(1),
    `${((roster.perSecond / raw.perSecond) * 100).toFixed(1)} %`,
    `≥ ${(target * 100).toFixed(0)} %`,
    `${cpuMs(roster.cpuMs.client)} + ${cpuMs(roster.cpuMs.server)} + ${cpuMs(roster.cpuMs.postgres)}`,
    `${cpuMs(raw.cpuMs.client)} + ${cpuMs(raw.cpuMs.postgres)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`${[format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n')}\n`);
  return rows.every(({ roster, raw, target, p99LimitMs = Infinity }) =>
    roster.errors === 0 && roster.perSecond / raw.perSecond >= target && roster.p99 < p99LimitMs);
}
