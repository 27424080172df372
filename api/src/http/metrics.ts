import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Orm } from '../db/orm.js';

export type RouteFamily = 'scim' | 'graphql' | 'console' | 'health' | 'metrics' | 'other';

interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** A registry per app instance, so tests that boot several apps do not share series. */
export function createMetrics(orm: Orm) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'HTTP request duration by route family, method and status',
    labelNames: ['family', 'method', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pool = (): PoolLike | undefined =>
    (orm.em.getConnection().getKnex().client as { pool?: PoolLike }).pool;
  new Gauge({
    name: 'roster_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const current = pool();
      if (!current) return;
      this.set({ state: 'used' }, current.numUsed());
      this.set({ state: 'free' }, current.numFree());
      this.set({ state: 'pending' }, current.numPendingAcquires());
    },
  });
  return {
    registry,
    observe(family: RouteFamily, method: string, status: number, seconds: number) {
      duration.observe({ family, method, status: String(status) }, seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
