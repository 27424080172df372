import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DEFAULT_GUARD_SETTINGS, admittedPerWindow, guardState, type GuardSettings, type GuardState } from './guard-rules.js';

export interface HeldBackByToken {
  tokenId: string | null;
  tokenLabel: string | null;
  count: number;
}

export interface RefusedRequest {
  id: string;
  occurredAt: Date;
  operation: string;
  resourceId: string | null;
  tokenLabel: string | null;
  /** The request's row in recent activity, once the recorder has written it. */
  activityId: string | null;
}

export interface GuardView {
  companyId: string;
  state: GuardState;
  settings: GuardSettings;
  trippedAt: Date | null;
  trippedByTokenId: string | null;
  trippedByTokenLabel: string | null;
  releasedUntil: Date | null;
  heldBack: number;
  heldBackByToken: HeldBackByToken[];
  appliedInWindow: number;
  admittedPerWindow: number;
  lastRefused: RefusedRequest[];
}

interface GuardRow extends GuardSettings {
  stored: boolean;
  trippedAt: Date | string | null;
  trippedByTokenId: string | null;
  trippedByTokenLabel: string | null;
  releasedUntil: Date | string | null;
  now: Date | string;
  applied: string;
  users: string;
  deleted: string;
}

const readGuard = (db: Sql, companyId: string) => db.query<GuardRow>(sql`
  with g as (
    select g.*, greatest(now() - g.window_minutes * interval '1 minute', coalesce(g.released_until, '-infinity')) as since
      from deprovisioning_guard g where g.company_id = ${companyId}),
  applied as (select a.operation from deprovisioning_applied a, g where a.company_id = ${companyId} and a.occurred_at > g.since)
  select g.company_id is not null as stored, g.enabled, g.threshold_percent as "thresholdPercent", g.threshold_minimum as "thresholdMinimum",
         g.window_minutes as "windowMinutes", g.tripped_at as "trippedAt", g.tripped_by_token_id as "trippedByTokenId", g.released_until as "releasedUntil", now() as now,
         (select label from scim_token where company_id = ${companyId} and id = g.tripped_by_token_id) as "trippedByTokenLabel",
         (select count(*) from applied) as applied,
         (select count(*) from applied where operation = 'Delete User') as deleted,
         coalesce((select user_count from directory_count where company_id = ${companyId}), 0)
           + coalesce((select sum(user_delta) from directory_count_delta where company_id = ${companyId}), 0) as users
    from (values (1)) one left join g on true`);

/** Refusals since the trip, compared with the stored trip time (a Date in between would lose its microseconds). */
const readHeldBack = (db: Sql, companyId: string) => db.query<HeldBackByToken>(sql`
  select r.token_id as "tokenId", t.label as "tokenLabel", count(*)::int as count
    from deprovisioning_refusal r
    join deprovisioning_guard g on g.company_id = r.company_id and r.occurred_at >= g.tripped_at
    left join scim_token t on t.company_id = r.company_id and t.id = r.token_id
   where r.company_id = ${companyId}
   group by r.token_id, t.label order by count desc`);

/**
 * The newest refusals, each with the activity row of its request: the 503 the recorder wrote for
 * that user by that token within a minute of it (or the Bulk request that carried it).
 */
const readLastRefused = (db: Sql, companyId: string, limit: number) => db.query<RefusedRequest>(sql`
  select r.id::text as id, r.occurred_at as "occurredAt", r.operation, r.resource_id as "resourceId",
         t.label as "tokenLabel", e.id::text as "activityId"
    from deprovisioning_refusal r
    left join scim_token t on t.company_id = r.company_id and t.id = r.token_id
    left join lateral (
      select p.id from provisioning_event p
       where p.company_id = r.company_id and p.token_id is not distinct from r.token_id
         and p.occurred_at >= r.occurred_at - interval '1 second' and p.occurred_at < r.occurred_at + interval '1 minute'
         and ((p.status = 503 and p.resource_id = r.resource_id) or p.operation = 'Bulk')
       order by p.occurred_at limit 1) e on true
   where r.company_id = ${companyId}
   order by r.occurred_at desc, r.id desc limit ${limit}`);

export const LAST_REFUSED_LIMIT = 10;

/** The pool's driver may hand timestamps over as text. */
const dateOf = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** The guard as the overview's panel shows it; a company whose guard never acted gets the defaults. */
export async function readGuardView(db: Sql, companyId: string): Promise<GuardView> {
  const [found] = await readGuard(db, companyId);
  const row = found?.stored ? found : undefined;
  const settings: GuardSettings = row
    ? { enabled: row.enabled, thresholdPercent: row.thresholdPercent, thresholdMinimum: row.thresholdMinimum, windowMinutes: row.windowMinutes }
    : DEFAULT_GUARD_SETTINGS;
  const state = row ? guardState(dateOf(row.trippedAt), dateOf(row.releasedUntil), new Date(row.now)) : 'ARMED';
  const trippedAt = state === 'TRIPPED' ? dateOf(row!.trippedAt) : null;
  const heldBackByToken = trippedAt ? await readHeldBack(db, companyId) : [];
  const users = Number(found?.users ?? 0) + Number(row?.deleted ?? 0);
  return {
    companyId,
    state,
    settings,
    trippedAt,
    trippedByTokenId: trippedAt ? (row!.trippedByTokenId ?? null) : null,
    trippedByTokenLabel: trippedAt ? (row!.trippedByTokenLabel ?? null) : null,
    releasedUntil: state === 'RELEASED' ? dateOf(row!.releasedUntil) : null,
    heldBack: heldBackByToken.reduce((sum, entry) => sum + entry.count, 0),
    heldBackByToken,
    appliedInWindow: Number(row?.applied ?? 0),
    admittedPerWindow: admittedPerWindow(users, settings),
    lastRefused: row ? (await readLastRefused(db, companyId, LAST_REFUSED_LIMIT)).map((r) => ({ ...r, occurredAt: new Date(r.occurredAt) })) : [],
  };
}
