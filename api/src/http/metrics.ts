import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SqlPool } from '../db/sql.js';

export type RouteFamily = 'scim' | 'graphql' | 'console' | 'health' | 'metrics' | 'export' | 'other';

/** Read at scrape time from parts built after the registry (the SCIM recorder, the job runner). */
export interface MetricSources {
  activityRecorder(): { lagSeconds: number; buffered: number; lost: number };
  bulkDeleteJobsRunning(): number;
}

// Statuses that mean "turned away before any work": by the caller's credentials or the body's size.
const REFUSED: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 413: 'too_large' };

/** A registry per app instance, so tests that boot several apps do not share series. */
export function createMetrics(pool: Pick<SqlPool, 'connections'>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const duration = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'HTTP request duration by route family, method and status',
    labelNames: ['family', 'method', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const scimRequests = new Counter({
    name: 'roster_scim_requests_total',
    help: 'SCIM requests by company slug ("unknown" for a slug that names no company), operation and status class',
    labelNames: ['company', 'operation', 'status_class'] as const,
    registers,
  });
  const refused = new Counter({
    name: 'roster_refused_requests_total',
    help: 'Requests refused for their credentials or size, by route family and reason (GraphQL: per refused operation)',
    labelNames: ['family', 'reason'] as const,
    registers,
  });
  const throttled = new Counter({
    name: 'roster_throttled_requests_total',
    help: 'Requests turned away by a rate limit or a sign-in lock-out, by route family and reason',
    labelNames: ['family', 'reason'] as const,
    registers,
  });
  // Per company, apart from roster_scim_requests_total's 4xx: a throttled IdP is not failing.
  const scimThrottled = new Counter({
    name: 'roster_scim_throttled_requests_total',
    help: 'SCIM requests answered 429 by the company\'s rate limit, by company slug (also in roster_throttled_requests_total)',
    labelNames: ['company'] as const,
    registers,
  });
  const reconnects = new Counter({
    name: 'roster_event_bus_reconnects_total',
    help: 'Times the LISTEN connection was re-established; notifications sent while it was down were lost',
    registers,
  });
  collectPool(registry, pool);
  let sources: MetricSources | undefined;
  collectSources(registry, () => sources);

  return {
    registry,
    observe(family: RouteFamily, method: string, status: number, seconds: number) {
      duration.observe({ family, method, status: String(status) }, seconds);
      const reason = REFUSED[status];
      if (reason) refused.inc({ family, reason });
      else if (status === 429) throttled.inc({ family, reason: 'rate_limited' });
    },
    countScim(company: string, operation: string, status: number) {
      scimRequests.inc({ company, operation, status_class: `${Math.floor(status / 100)}xx` });
      if (status === 429) scimThrottled.inc({ company });
    },
    countGraphqlRefusal(code: string) {
      if (code === 'TOO_MANY_REQUESTS') throttled.inc({ family: 'graphql', reason: 'sign_in_lockout' });
      else refused.inc({ family: 'graphql', reason: code === 'FORBIDDEN' ? 'forbidden' : 'unauthenticated' });
    },
    countReconnect() {
      reconnects.inc();
    },
    watch(next: MetricSources) {
      sources = next;
    },
  };
}

/** The pool the SCIM and directory statements run on, where waiting shows first under load. */
function collectPool(registry: Registry, pool: Pick<SqlPool, 'connections'>): void {
  new Gauge({
    name: 'roster_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { used, idle, waiting } = pool.connections();
      this.set({ state: 'used' }, used);
      this.set({ state: 'free' }, idle);
      this.set({ state: 'pending' }, waiting);
    },
  });
}

function collectSources(registry: Registry, sources: () => MetricSources | undefined): void {
  const gauge = (name: string, help: string, read: (s: MetricSources) => number, aggregator: 'sum' | 'max' = 'sum') =>
    new Gauge({
      name,
      help,
      // How a WORKERS>1 scrape merges the workers' values.
      aggregator,
      registers: [registry],
      collect() {
        const current = sources();
        if (current) this.set(read(current));
      },
    });
  gauge('roster_activity_recorder_lag_seconds', 'Age of the oldest SCIM activity event not yet written (0 when all are written)',
    (s) => s.activityRecorder().lagSeconds, 'max');
  gauge('roster_activity_recorder_buffered_events', 'SCIM activity events waiting to be written',
    (s) => s.activityRecorder().buffered);
  gauge('roster_activity_recorder_lost_events', 'SCIM activity events dropped since start because a write failed',
    (s) => s.activityRecorder().lost);
  gauge('roster_bulk_delete_jobs_running', 'Delete All Users jobs this process is running now (sum over replicas)',
    (s) => s.bulkDeleteJobsRunning());
}

export type Metrics = ReturnType<typeof createMetrics>;
