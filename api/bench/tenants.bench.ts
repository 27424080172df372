/**
 * `npm run bench -- tenants`: 20 companies, each driven at Entra's 25 requests/s with an
 * Entra-shaped mix, for 60 s against one real Roster process (rate limit on, as deployed).
 * `npm run bench -- soak` is the same load for 10 minutes with fewer companies and reads the
 * server's memory every 5 s: the RSS slope (with its standard error) says whether it leaks.
 */
import { loadConfig } from '../src/config.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { openSqlPool } from '../src/db/sql.js';
import { createServices } from '../src/services.js';
import { spawnRoster, waitForReady } from '../test/process.js';
import { memoryMb } from './cpu-accounting.js';
import { driveTenant, p95, slope, type TenantTarget } from './entra-load.js';

const log = (line: string) => process.stdout.write(`${line}\n`);

interface LoadShape { companies: number; perSecond: number; seconds: number }

async function runLoad({ companies, perSecond, seconds }: LoadShape, soak: boolean): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const orm = await openOrm(url, 2);
  const sql = openSqlPool({ url, poolMax: 2, preparedStatements: true });
  const port = await findFreePort();
  let roster: ReturnType<typeof spawnRoster> | undefined;
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent' }));
    const targets: TenantTarget[] = [];
    for (let c = 0; c < companies; c += 1) {
      const company = await services.companies.createCompany(`tenant${c}`, `Tenant ${c}`);
      const { secret } = await services.tokens.createScimToken(company.id, 'Entra ID', 'bench');
      targets.push({ slug: company.slug, base: `http://127.0.0.1:${port}/pp/scim/v2/${company.slug}`, token: secret });
    }
    const metricsPort = await findFreePort();
    roster = spawnRoster({ DATABASE_URL: url, PORT: String(port), METRICS_PORT: String(metricsPort), LOG_LEVEL: 'warn', WORKERS: process.env.BENCH_WORKERS ?? '1' });
    await waitForReady(`http://127.0.0.1:${port}`);
    const pid = roster.child.pid!;
    log(`${companies} companies × ${perSecond} req/s for ${seconds} s (Entra mix: 40 % lookups, 20 % creates, 20 % user PATCH, 20 % group member PATCH)`);
    const samples: { x: number; y: number }[] = [];
    const heapSamples = new Map<string, { x: number; y: number }[]>(HEAP_SERIES.map((name) => [name, []]));
    const startedAt = Date.now();
    const sampler = setInterval(() => {
      const x = (Date.now() - startedAt) / 60_000;
      samples.push({ x, y: memoryMb(pid).rss });
      void heapMb(metricsPort).then((values) => values.forEach((y, name) => heapSamples.get(name)?.push({ x, y })));
    }, 5_000);
    const results = await Promise.all(targets.map((target) => driveTenant(target, perSecond, seconds)));
    clearInterval(sampler);
    const memory = memoryMb(pid);

    const all = results.flatMap((r) => r.latencies);
    const perCompany = results.map((r) => ({ slug: r.slug, p95: p95(r.latencies), requests: r.requests, errors: r.errors, statuses: r.statuses }));
    const p95s = perCompany.map((r) => r.p95);
    const fairness = Math.max(...p95s) / Math.max(0.001, Math.min(...p95s));
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    if (!soak) {
      log('\n| company | requests | errors | p95 ms |\n| --- | --- | --- | --- |');
      for (const r of perCompany) log(`| ${r.slug} | ${r.requests} | ${r.errors} | ${r.p95.toFixed(1)} |`);
    }
    if (errors) log(`statuses: ${JSON.stringify(results.map((r) => r.statuses))}`);
    const rate = all.length / seconds;
    log(`\n| figure | value | target |\n| --- | --- | --- |`);
    log(`| requests | ${all.length} (${rate.toFixed(0)} req/s of ${companies * perSecond} offered) | all answered |`);
    log(`| errors | ${errors} | 0 |`);
    log(`| p95 over all companies | ${p95(all).toFixed(1)} ms | < 50 ms |`);
    log(`| slowest / fastest company p95 | ${fairness.toFixed(2)}× | ≤ 2× |`);
    const trend = samples.length > 2 ? slope(samples) : undefined;
    if (trend) log(`| RSS slope | ${trend.slope.toFixed(2)} ± ${trend.stderr.toFixed(2)} MB/min over ${samples.length} samples | within noise (|slope| < 2 × stderr, or < 0.5 MB/min) |`);
    // Says where a rising RSS comes from: objects kept (heap used), heap reserved, or memory outside it.
    for (const [name, points] of heapSamples) {
      if (points.length < 3) continue;
      const trend = slope(points);
      const [first, last] = [points[0]!, points[points.length - 1]!].map((point) => point.y.toFixed(1));
      log(`| ${name} slope | ${trend.slope.toFixed(2)} ± ${trend.stderr.toFixed(2)} MB/min over ${points.length} samples, ${first} → ${last} MB | (diagnostic) |`);
    }
    log(`| peak RSS | ${memory.peak.toFixed(0)} MB | < 300 MB |`);
    const flat = !trend || Math.abs(trend.slope) < Math.max(0.5, 2 * trend.stderr);
    const met = errors === 0 && p95(all) < 50 && (soak || fairness <= 2) && memory.peak < 300 && flat;
    log(`\nTargets ${met ? 'MET' : 'NOT MET'}`);
  } finally {
    roster?.child.kill('SIGTERM');
    await roster?.exited;
    await sql.close();
    await orm.close();
    await database.stop();
  }
}

const SPACES = ['new', 'old', 'code', 'large_object'].map((space) => `nodejs_heap_space_size_total_bytes{space="${space}"}`);
const HEAP_SERIES = ['nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes', ...SPACES, 'nodejs_external_memory_bytes'];

/** HEAP_SERIES from Roster's /metrics (prom-client's default metrics), in MB. */
async function heapMb(metricsPort: number): Promise<Map<string, number>> {
  const values = new Map<string, number>();
  try {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    for (const line of text.split('\n')) {
      const [name, value] = line.split(' ');
      if (name && HEAP_SERIES.includes(name)) values.set(name, Number(value) / 1024 / 1024);
    }
  } catch {
    // A sample missed; the slope is fitted to the others.
  }
  return values;
}

const seconds = (fallback: number) => Number(process.env.BENCH_SECONDS ?? fallback);

export const tenants = { run: () => runLoad({ companies: Number(process.env.BENCH_COMPANIES ?? 20), perSecond: 25, seconds: seconds(60) }, false) };
export const soak = { run: () => runLoad({ companies: Number(process.env.BENCH_COMPANIES ?? 4), perSecond: 25, seconds: seconds(600) }, true) };
