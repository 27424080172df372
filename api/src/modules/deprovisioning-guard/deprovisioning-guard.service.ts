import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError } from '../../domain/domain-error.js';
import { AuditEntry } from '../companies/audit-entry.entity.js';
import type { EventSource } from '../events/event-source.js';
import { writeEventsStatement } from '../events/event-writer.js';
import { DeprovisioningGuard } from './deprovisioning-guard.entity.js';
import { guardEvent, releasedTrip, releasedView } from './guard-events.js';
import { readGuardView, type GuardView } from './deprovisioning-guard.view.js';
import type { GuardSettings } from './guard-rules.js';

export const DEFAULT_RELEASE_MINUTES = 60;
const MAX_RELEASE_MINUTES = 7 * 24 * 60;

const LIMITS: Record<Exclude<keyof GuardSettings, 'enabled'>, [number, number, string]> = {
  thresholdPercent: [1, 100, 'The threshold percentage'],
  thresholdMinimum: [1, 1_000_000, 'The minimum number of users'],
  windowMinutes: [1, 10_080, 'The window (minutes)'],
};

function assertSettings(changes: Partial<GuardSettings>): void {
  for (const [key, [min, max, what]] of Object.entries(LIMITS)) {
    const value = changes[key as keyof typeof LIMITS];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      throw new DomainError('INVALID_INPUT', `${what} must be a whole number from ${min} to ${max}`);
    }
  }
}

/** The mass-deprovisioning guard as operators see and steer it; each change is an audit entry and an event, in one transaction. */
export function createDeprovisioningGuardService({ em, sql: db }: { em: EntityManager; sql: Sql }) {

  /** The company's guard row, locked in `tx`. */
  async function lockedRow(tx: EntityManager, companyId: string): Promise<DeprovisioningGuard> {
    // The SCIM path may create the row at the same moment; the insert yields to it.
    await db.query(sql`insert into deprovisioning_guard (company_id) values (${companyId}) on conflict (company_id) do nothing`);
    return tx.findOneOrFail(DeprovisioningGuard, { company: companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  function view(companyId: string): Promise<GuardView> {
    return readGuardView(db, companyId);
  }

  /** Deactivations and deletions are accepted (and not counted) for `minutes`; the window starts afresh after. */
  async function release(companyId: string, minutes: number, actor: string, source: EventSource | null = null): Promise<GuardView> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_RELEASE_MINUTES) {
      throw new DomainError('INVALID_INPUT', `A release lasts a whole number of minutes from 1 to ${MAX_RELEASE_MINUTES}`);
    }
    const before = await view(companyId);
    await em.transactional(async (tx) => {
      const row = await lockedRow(tx, companyId);
      row.releasedUntil = new Date(Date.now() + minutes * 60_000);
      row.trippedAt = null;
      row.trippedByTokenId = null;
      tx.create(AuditEntry, {
        company: companyId, actor, action: 'deprovisioning-guard.released',
        detail: { minutes, state: before.state, heldBack: before.heldBack, trippedAt: before.trippedAt?.toISOString() ?? null },
      });
      const event = guardEvent('deprovisioning_guard.released', releasedView(before, row.releasedUntil), source, { minutes, released: releasedTrip(before) });
      await tx.execute(...writeEventsStatement([event]));
    });
    return view(companyId);
  }

  async function update(companyId: string, changes: Partial<GuardSettings>, actor: string, source: EventSource | null = null): Promise<GuardView> {
    assertSettings(changes);
    const before = await view(companyId);
    await em.transactional(async (tx) => {
      const row = await lockedRow(tx, companyId);
      const from: Partial<GuardSettings> = {};
      const to: Partial<GuardSettings> = {};
      for (const key of ['enabled', 'thresholdPercent', 'thresholdMinimum', 'windowMinutes'] as const) {
        const value = changes[key];
        if (value === undefined || value === null || value === row[key]) continue;
        Object.assign(from, { [key]: row[key] });
        Object.assign(to, { [key]: value });
        Object.assign(row, { [key]: value });
      }
      if (Object.keys(to).length === 0) return;
      tx.create(AuditEntry, { company: companyId, actor, action: 'deprovisioning-guard.updated', detail: { from, to } });
      const settings: GuardSettings = { enabled: row.enabled, thresholdPercent: row.thresholdPercent, thresholdMinimum: row.thresholdMinimum, windowMinutes: row.windowMinutes };
      await tx.execute(...writeEventsStatement([guardEvent('deprovisioning_guard.updated', { ...before, settings }, source, { from, to })]));
    });
    return view(companyId);
  }

  return { view, release, update };
}

export type DeprovisioningGuardService = ReturnType<typeof createDeprovisioningGuardService>;
