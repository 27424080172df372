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
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Per figure, the median over the rounds of one phase (errors: the sum, so none is hidden). */
export function medianOf(rounds: PhaseResult[]): PhaseResult {
  const pick = (read: (result: PhaseResult) => number) => middle(rounds.map(read));
  return {
    name: rounds[0]!.name,
    requests: rounds[0]!.requests,
    seconds: pick((r) => r.seconds),
    perSecond: pick((r) => r.perSecond),
    p50: pick((r) => r.p50),
    p95: pick((r) => r.p95),
    p99: pick((r) => r.p99),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpuMs: { client: pick((r) => r.cpuMs.client), server: pick((r) => r.cpuMs.server), postgres: pick((r) => r.cpuMs.postgres) },
  };
}

export interface ThreeWayRow {
  mode: string;
  roster: PhaseResult;
  raw: PhaseResult;
  bare: PhaseResult;
  sqlTarget: number;
  bareTarget: number;
  p99LimitMs?: number;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const rowMet = ({ roster, raw, bare, sqlTarget, bareTarget, p99LimitMs = Infinity }: ThreeWayRow) =>
  roster.errors === 0 && roster.perSecond / raw.perSecond >= sqlTarget && roster.perSecond / bare.perSecond >= bareTarget && roster.p99 < p99LimitMs;

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`${[format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n')}\n`);
}

/**
 * Roster against plain SQL and against bare HTTP+SQL, with the CPU each party spent per request.
 * Met when every row has no errors, reaches both shares and stays under its p99 limit (if any).
 */
export function printThreeWay(rows: ThreeWayRow[]): boolean {
  const header = ['phase', 'mode', 'Roster req/s', 'p50 ms', 'p99 ms', 'errors', 'SQL ops/s', 'bare req/s', 'Roster/SQL', 'Roster/bare', 'met',
    'Roster CPU ms/req client+server+pg', 'bare CPU ms/req client+server+pg', 'SQL CPU ms/op client+pg'];
  printTable(header, rows.map((row) => [
    row.roster.name, row.mode, row.roster.perSecond.toFixed(0), row.roster.p50.toFixed(1), row.roster.p99.toFixed(1), String(row.roster.errors),
    row.raw.perSecond.toFixed(0), row.bare.perSecond.toFixed(0),
    `${percent(row.roster.perSecond / row.raw.perSecond)} (≥ ${percent(row.sqlTarget)})`,
    `${percent(row.roster.perSecond / row.bare.perSecond)} (≥ ${percent(row.bareTarget)})`,
    rowMet(row) ? 'yes' : 'NO',
    `${cpuMs(row.roster.cpuMs.client)} + ${cpuMs(row.roster.cpuMs.server)} + ${cpuMs(row.roster.cpuMs.postgres)}`,
    `${cpuMs(row.bare.cpuMs.client)} + ${cpuMs(row.bare.cpuMs.server)} + ${cpuMs(row.bare.cpuMs.postgres)}`,
    `${cpuMs(row.raw.cpuMs.client)} + ${cpuMs(row.raw.cpuMs.postgres)}`,
  ]));
  return rows.every(rowMet);
}
