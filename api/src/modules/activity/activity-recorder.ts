import type { EventBus } from '../../events/event-bus.js';
import type { Logger } from '../../logger.js';
import type { Sql } from '../../db/sql.js';

export interface ProvisioningEventInput {
  companyId: string;
  occurredAt: Date;
  tokenId: string | null;
  tokenLabel: string | null;
  userAgent: string | null;
  method: string;
  operation: string;
  resourceType: string | null;
  resourceId: string | null;
  status: number;
  scimType: string | null;
  message: string | null;
  durationMs: number;
}

export interface RecorderOptions {
  sql: Sql;
  events: EventBus;
  logger: Logger;
  retentionPerCompany: number;
  flushIntervalMs?: number;
  maxBatch?: number;
}

export const activityChannel = (companyId: string) => `activity:${companyId}`;

const COLUMNS = [
  'company_id', 'occurred_at', 'token_id', 'token_label', 'user_agent', 'method', 'operation',
  'resource_type', 'resource_id', 'status', 'scim_type', 'message', 'duration_ms',
] as const;
const PRUNE_EVERY_MS = 30_000;

/**
 * Provisioning events are buffered and written in one multi-row INSERT per flush, off the
 * request path (a per-request log write was a peer server's main bottleneck: SCIM-NOTES §5).
 */
export function createActivityRecorder({ sql, events, logger, retentionPerCompany, flushIntervalMs = 200, maxBatch = 500 }: RecorderOptions) {
  let buffer: ProvisioningEventInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  // Batches taken from the buffer whose write has not ended yet, oldest first.
  const writing: ProvisioningEventInput[][] = [];
  let lost = 0;
  const lastPruned = new Map<string, number>();

  function record(event: ProvisioningEventInput): void {
    buffer.push(event);
    if (buffer.length >= maxBatch) void flush();
    else timer ??= setTimeout(() => void flush(), flushIntervalMs);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    if (batch.length) writing.push(batch);
    flushing = flushing.then(() => (batch.length ? write(batch) : undefined));
    return flushing;
  }

  async function write(batch: ProvisioningEventInput[]): Promise<void> {
    let rows: Awaited<ReturnType<typeof insert>>;
    try {
      rows = await insert(batch);
    } catch (error) {
      lost += batch.length;
      logger.error({ err: error, lost: batch.length }, 'could not write provisioning events');
      return;
    } finally {
      writing.splice(writing.indexOf(batch), 1);
    }
    try {
      await events.publishMany(rows.map((row) => ({ channel: activityChannel(row.companyId), payload: row })));
      await prune(new Set(batch.map((event) => event.companyId)));
    } catch (error) {
      logger.error({ err: error }, 'could not publish or prune provisioning events');
    }
  }

  /** For /metrics: how far the written activity trails the requests, and what was dropped. */
  function stats(now = Date.now()) {
    const oldest = writing[0]?.[0] ?? buffer[0];
    return {
      lagSeconds: oldest ? Math.max(0, now - oldest.occurredAt.getTime()) / 1000 : 0,
      buffered: buffer.length + writing.reduce((sum, batch) => sum + batch.length, 0),
      lost,
    };
  }

  // One column array per column: the same statement text for every batch size, prepared once.
  async function insert(batch: ProvisioningEventInput[]) {
    const column = <K extends keyof ProvisioningEventInput>(key: K) => batch.map((event) => event[key]);
    const ids = await sql.query<{ id: string }>(
      `insert into provisioning_event (${COLUMNS.join(', ')})
       select * from unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
         ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::real[])
       returning id`,
      [column('companyId'), column('occurredAt'), column('tokenId'), column('tokenLabel'), column('userAgent'),
        column('method'), column('operation'), column('resourceType'), column('resourceId'), column('status'),
        column('scimType'), column('message'), column('durationMs')],
    );
    return batch.map((event, index) => ({ id: ids[index]?.id ?? '', ...event, occurredAt: event.occurredAt.toISOString() }));
  }

  async function prune(companies: Set<string>): Promise<void> {
    const now = Date.now();
    for (const companyId of companies) {
      if (now - (lastPruned.get(companyId) ?? 0) < PRUNE_EVERY_MS) continue;
      lastPruned.set(companyId, now);
      await sql.query(
        `delete from provisioning_event where company_id = ? and id < (
           select id from provisioning_event where company_id = ? order by id desc offset ? limit 1)`,
        [companyId, companyId, retentionPerCompany - 1],
      );
    }
  }

  return { record, flush, stats };
}

export type ActivityRecorder = ReturnType<typeof createActivityRecorder>;
