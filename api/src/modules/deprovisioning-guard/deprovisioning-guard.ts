import { DomainError } from '../../domain/domain-error.js';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { scimTokenSource } from '../events/event-source.js';
import { writeEventsSql } from '../events/event-writer.js';
import { readGuardView } from './deprovisioning-guard.view.js';
import { guardEvent } from './guard-events.js';
import { wouldTrip, type GuardSettings } from './guard-rules.js';

export type DestructiveOperation = 'Deactivate User' | 'Delete User';

/** What a destructive SCIM write is, for the window and for the refusal the panel lists. */
export interface DestructiveTarget {
  companyId: string;
  tokenId: string | undefined;
  operation: DestructiveOperation;
  resourceId: string;
}

/** IdPs back off on 503; an administrator's decision takes minutes, not seconds. */
export const GUARD_RETRY_AFTER_SECONDS = 300;

class GuardRefusal extends Error {
  constructor(readonly trips: boolean) {
    super('refused by the mass-deprovisioning guard');
  }
}

interface LockedGuard extends GuardSettings {
  tripped: boolean;
  released: boolean;
}

const guardRow = (tx: Sql, companyId: string, lock: boolean) => tx.query<LockedGuard>(sql`
  select enabled, threshold_percent as "thresholdPercent", threshold_minimum as "thresholdMinimum",
         window_minutes as "windowMinutes", tripped_at is not null as tripped,
         coalesce(released_until > now(), false) as released
    from deprovisioning_guard where company_id = ${companyId} ${lock ? sql`for update` : sql``}`);

/**
 * True, inside a statement, while the company's guard counts nothing (switched off, or released):
 * admit() would let a deactivation through uncounted, so it may be written in one statement.
 */
export const guardStandsAside = (companyId: string) => sql`exists (select 1 from deprovisioning_guard g
  where g.company_id = ${companyId}::uuid and (not g.enabled or coalesce(g.released_until > now(), false)))`;

/** The company's guard row, locked; created with the defaults on its first destructive write. */
async function lockedGuard(tx: Sql, companyId: string): Promise<LockedGuard> {
  const [row] = await guardRow(tx, companyId, true);
  if (row) return row;
  await tx.query(sql`insert into deprovisioning_guard (company_id) values (${companyId}) on conflict (company_id) do nothing`);
  return (await guardRow(tx, companyId, true))[0]!;
}

/**
 * Applied deactivations and deletions in the window — its length back, or since the end of the
 * last release — and the directory's size before the window's deletions (SCIM users from the
 * triggered counts, as directory-counts.ts reads them).
 */
async function windowCounts(tx: Sql, companyId: string) {
  const [row] = await tx.query<{ applied: string; deleted: string; users: string }>(sql`
    with since as (
      select greatest(now() - window_minutes * interval '1 minute', coalesce(released_until, '-infinity')) as at
        from deprovisioning_guard where company_id = ${companyId}),
    applied as (
      select a.operation from deprovisioning_applied a, since
       where a.company_id = ${companyId} and a.occurred_at > since.at)
    select (select count(*) from applied) as applied,
           (select count(*) from applied where operation = 'Delete User') as deleted,
           (select coalesce((select user_count from directory_count where company_id = ${companyId}), 0)
                 + coalesce((select sum(user_delta) from directory_count_delta where company_id = ${companyId}), 0)) as users`);
  return { applied: Number(row!.applied), deleted: Number(row!.deleted), users: Number(row!.users) };
}

/** Records the write in the window and drops what has left every possible window. */
const recordApplied = (tx: Sql, target: DestructiveTarget, windowMinutes: number) => tx.query(sql`
  with pruned as (
    delete from deprovisioning_applied
     where company_id = ${target.companyId} and occurred_at < now() - ${windowMinutes} * interval '1 minute' - interval '1 minute')
  insert into deprovisioning_applied (company_id, token_id, operation)
  values (${target.companyId}, ${target.tokenId ?? null}::uuid, ${target.operation})`);

/**
 * Called inside the write's transaction once it is known to deactivate or delete a user (a
 * deletion already applied counts itself out of the directory). Admits it and counts it, or
 * throws a refusal that rolls the write back.
 */
async function admit(tx: Sql, target: DestructiveTarget): Promise<void> {
  // A guard switched off or released counts nothing, so it need not hold the company's guard row:
  // deactivations and deletions then run side by side instead of one commit after another. (One
  // that read it off just before an operator switched it on is admitted uncounted.)
  const [seen] = await guardRow(tx, target.companyId, false);
  if (seen && (!seen.enabled || seen.released)) return;
  const guard = await lockedGuard(tx, target.companyId);
  if (!guard.enabled || guard.released) return;
  if (guard.tripped) throw new GuardRefusal(false);
  const counts = await windowCounts(tx, target.companyId);
  const thisDeletion = target.operation === 'Delete User' ? 1 : 0;
  const directorySize = counts.users + counts.deleted + thisDeletion;
  if (wouldTrip(counts.applied + 1, directorySize, guard)) throw new GuardRefusal(true);
  await recordApplied(tx, target, guard.windowMinutes);
}

/**
 * After the write's rollback: the refusal (and the trip it may be) is kept whatever happens next.
 * Requests that cross the threshold together each decide to trip before any has recorded it, and
 * their transactions commit in any order: the trip is dated by the earliest of them, so that every
 * refusal (dated like the trip, by its transaction's start) counts as held back. The first to
 * record the trip writes its audit entry and its event (the guard row's lock orders them, so once
 * per trip). A trip decided before an operator's release does not undo the release.
 */
async function recordRefusal(db: Sql, target: DestructiveTarget, trips: boolean): Promise<void> {
  const tokenId = target.tokenId ?? null;
  await db.transaction(async (tx) => {
    let tripped = false;
    if (trips) {
      const [guard] = await tx.query<{ armed: boolean }>(sql`
        select tripped_at is null as armed from deprovisioning_guard
         where company_id = ${target.companyId} and (released_until is null or released_until <= now()) for update`);
      if (guard) tripped = await recordTrip(tx, target, guard.armed);
    }
    await tx.query(sql`
      insert into deprovisioning_refusal (company_id, token_id, operation, resource_id, occurred_at)
      values (${target.companyId}, ${tokenId}::uuid, ${target.operation}, ${target.resourceId}, now())`);
    if (tripped) await writeTripEvent(tx, target);
  });
}

/** True when this call tripped an armed guard (and audited it). */
async function recordTrip(tx: Sql, target: DestructiveTarget, armed: boolean): Promise<boolean> {
  const tokenId = target.tokenId ?? null;
  await tx.query(sql`
    update deprovisioning_guard
       set tripped_by_token_id = case when tripped_at is null or now() < tripped_at then ${tokenId}::uuid else tripped_by_token_id end,
           tripped_at = least(coalesce(tripped_at, now()), now()), updated_at = now()
     where company_id = ${target.companyId}`);
  if (!armed) return false;
  await tx.query(sql`
    insert into audit_entry (company_id, actor, action, detail)
    select g.company_id, 'system', 'deprovisioning-guard.tripped',
           jsonb_build_object('tokenId', ${tokenId}::uuid, 'tokenLabel', (select label from scim_token where company_id = ${target.companyId} and id = ${tokenId}::uuid),
             'operation', ${target.operation}::text, 'resourceId', ${target.resourceId}::text,
             'thresholdPercent', g.threshold_percent, 'thresholdMinimum', g.threshold_minimum, 'windowMinutes', g.window_minutes)
      from deprovisioning_guard g where g.company_id = ${target.companyId}`);
  return true;
}

/** The guard as it stands in the trip's transaction, naming the request that crossed the threshold. */
async function writeTripEvent(tx: Sql, target: DestructiveTarget): Promise<void> {
  const view = await readGuardView(tx, target.companyId);
  const event = guardEvent('deprovisioning_guard.tripped', view, scimTokenSource(target.tokenId) ?? 'system', {
    operation: target.operation, resourceId: target.resourceId,
  });
  await tx.query(writeEventsSql([event]));
}

function refusedError(): DomainError {
  return new DomainError('DEPROVISIONING_GUARD_TRIPPED', 'Refused by Roster\'s mass-deprovisioning guard: too many users were deactivated or deleted over SCIM in a short time. '
    + 'Nothing was changed and this request will not be applied later; an administrator must review and release the guard '
    + 'on the SCIM overview before deactivations and deletions are accepted again.', GUARD_RETRY_AFTER_SECONDS);
}

/**
 * Runs a write that may deactivate or delete a user in one transaction; `work` calls `admit()`
 * when it does, before or after applying it, and the guard's decision commits with the write.
 */
export function createDeprovisioningGuard(db: Sql) {
  async function guarded<T>(target: DestructiveTarget, work: (tx: Sql, admit: () => Promise<void>) => Promise<T>): Promise<T> {
    try {
      return await db.transaction((tx) => work(tx, () => admit(tx, target)));
    } catch (error) {
      if (!(error instanceof GuardRefusal)) throw error;
      await recordRefusal(db, target, error.trips);
      throw refusedError();
    }
  }

  return { guarded };
}

export type DeprovisioningGuardGate = ReturnType<typeof createDeprovisioningGuard>;
