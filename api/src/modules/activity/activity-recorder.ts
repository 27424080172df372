import { activityChannel } from '../../events/channels.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Logger } from '../../logger.js';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { isDatabaseUnavailable } from '../../db/database-unavailable.js';
import { sanitiseEvent } from './activity-sanitise.js';

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
  /** Events kept while the database is away; beyond it the oldest go (memory is the bound). */
  maxPending?: number;
  retryMs?: number;
}

const INSERT_COLUMNS = sql.raw([
  'company_id', 'occurred_at', 'token_id', 'token_label', 'user_agent', 'method', 'operation',
  'resource_type', 'resource_id', 'status', 'scim_type', 'message', 'duration_ms',
].join(', '));
const PRUNE_EVERY_MS = 30_000;

/** What is published for live views: the stored event with its id. */
type InsertedEvent = Omit<ProvisioningEventInput, 'occurredAt'> & { id: string; occurredAt: string };

/**
 * Provisioning events are buffered and written in one multi-row INSERT per flush, off the
 * request path (a per-request log write was a peer server's main bottleneck: SCIM-NOTES §5).
 * Events are one tenant's and the batch is everyone's, so one event never decides the batch's
 * fate: text is made storable on the way in, and a batch the database still refuses is written
 * row by row. While the database is unreachable the events wait (bounded) and are written when
 * it is back.
 */
export function createActivityRecorder(options: RecorderOptions) {
  const { sql: db, events, logger, retentionPerCompany, flushIntervalMs = 200, maxBatch = 500, maxPending = 20_000, retryMs = 1_000 } = options;
  let buffer: ProvisioningEventInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  /** Set while the database is away: flushes wait for the retry timer instead of every batch. */
  let waiting = false;
  let stopped = false;
  let dropped = 0;
  /** For /metrics: the events a write is under way for, and every event given up on since start. */
  let inFlight: ProvisioningEventInput[] = [];
  let lost = 0;
  const lastPruned = new Map<string, number>();

  function record(event: ProvisioningEventInput): void {
    buffer.push(sanitiseEvent(event));
    trim();
    if (buffer.length >= maxBatch && !waiting) void flush();
    else timer ??= setTimeout(() => void flush(), waiting ? retryMs : flushIntervalMs);
  }

  /** Drops the oldest beyond the bound; reported once per retry, not once per request. */
  function trim(): void {
    const excess = buffer.length - maxPending;
    if (excess <= 0) return;
    buffer.splice(0, excess);
    dropped += excess;
    lost += excess;
  }

  function reportDropped(): void {
    if (!dropped) return;
    logger.error({ lost: dropped, kept: maxPending }, 'provisioning events dropped: too many waiting for the database');
    dropped = 0;
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const taken = buffer;
    buffer = [];
    flushing = flushing.then(() => writeAll(taken)).finally(() => {
      inFlight = [];
    });
    return flushing;
  }

  async function writeAll(taken: ProvisioningEventInput[]): Promise<void> {
    inFlight = taken;
    for (let start = 0; start < taken.length; start += maxBatch) {
      const left = await write(taken.slice(start, start + maxBatch));
      if (left.length) return keep([...left, ...taken.slice(start + maxBatch)]);
    }
    waiting = false;
    reportDropped();
  }

  /** Puts events the database could not take back in front of newer ones, and retries later. */
  function keep(left: ProvisioningEventInput[]): void {
    if (!waiting) logger.warn({ waiting: left.length }, 'provisioning events wait for the database');
    waiting = true;
    buffer = [...left, ...buffer];
    trim();
    reportDropped();
    if (!stopped) timer ??= setTimeout(() => void flush(), retryMs);
  }

  /** Writes the batch; returns the events to keep for later because the database is unavailable. */
  async function write(batch: ProvisioningEventInput[]): Promise<ProvisioningEventInput[]> {
    let written: { rows: InsertedEvent[]; left: ProvisioningEventInput[] };
    try {
      written = { rows: await insert(batch), left: [] };
    } catch (error) {
      if (isDatabaseUnavailable(error)) return batch;
      written = await insertOneByOne(batch);
    }
    await publishAndPrune(written.rows);
    return written.left;
  }

  /** A batch the database refused for one of its rows: every other row still goes in. */
  async function insertOneByOne(batch: ProvisioningEventInput[]) {
    const rows: InsertedEvent[] = [];
    const refused = new Map<string, { count: number; error: unknown }>();
    for (const [index, event] of batch.entries()) {
      try {
        rows.push(...(await insert([event])));
      } catch (error) {
        if (isDatabaseUnavailable(error)) return { rows, left: batch.slice(index) };
        const entry = refused.get(event.companyId) ?? { count: 0, error };
        entry.count += 1;
        lost += 1;
        refused.set(event.companyId, entry);
      }
    }
    for (const [companyId, { count, error }] of refused) {
      logger.error({ err: error, companyId, lost: count }, 'provisioning events refused by the database');
    }
    return { rows, left: [] };
  }

  /** Both are best effort: the events are stored already; pruning catches up on the next flush. */
  async function publishAndPrune(rows: InsertedEvent[]): Promise<void> {
    if (!rows.length) return;
    try {
      await events.publishMany(rows.map((row) => ({ channel: activityChannel(row.companyId), payload: row })));
      await prune(new Set(rows.map((row) => row.companyId)));
    } catch (error) {
      logger.warn({ err: error }, 'could not publish or prune provisioning events');
    }
  }

  // One column array per column: the same statement text for every batch size, prepared once.
  async function insert(batch: ProvisioningEventInput[]): Promise<InsertedEvent[]> {
    const column = <K extends keyof ProvisioningEventInput>(key: K) => batch.map((event) => event[key]);
    const ids = await db.query<{ id: string }>(
      sql`insert into provisioning_event (${INSERT_COLUMNS})
       select * from unnest(${column('companyId')}::uuid[], ${column('occurredAt')}::timestamptz[], ${column('tokenId')}::uuid[], ${column('tokenLabel')}::text[], ${column('userAgent')}::text[], ${column('method')}::text[], ${column('operation')}::text[],
         ${column('resourceType')}::text[], ${column('resourceId')}::text[], ${column('status')}::int[], ${column('scimType')}::text[], ${column('message')}::text[], ${column('durationMs')}::real[])
       returning id`,
    );
    return batch.map((event, index) => ({ id: ids[index]?.id ?? '', ...event, occurredAt: event.occurredAt.toISOString() }));
  }

  async function prune(companies: Set<string>): Promise<void> {
    const now = Date.now();
    for (const companyId of companies) {
      if (now - (lastPruned.get(companyId) ?? 0) < PRUNE_EVERY_MS) continue;
      lastPruned.set(companyId, now);
      await db.query(
        sql`delete from provisioning_event where company_id = ${companyId} and id < (
           select id from provisioning_event where company_id = ${companyId} order by id desc offset ${retentionPerCompany - 1} limit 1)`,
      );
    }
  }

  /** Last flush (shutdown); what the database cannot take now is reported as lost. */
  async function stop(): Promise<void> {
    stopped = true;
    await flush();
    clearTimeout(timer);
    timer = undefined;
    if (!buffer.length) return;
    lost += buffer.length;
    logger.error({ lost: buffer.length }, 'provisioning events lost at shutdown: database unavailable');
  }

  /** For /metrics: how far the written activity trails the requests, and what was given up on. */
  function stats(now = Date.now()) {
    const oldest = inFlight[0] ?? buffer[0];
    return {
      lagSeconds: oldest ? Math.max(0, now - oldest.occurredAt.getTime()) / 1000 : 0,
      buffered: buffer.length + inFlight.length,
      lost,
    };
  }

  return { record, flush, stop, stats };
}

export type ActivityRecorder = ReturnType<typeof createActivityRecorder>;
