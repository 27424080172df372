import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError } from '../../domain/domain-error.js';
import { AuditEntry } from '../companies/audit-entry.entity.js';
import { DeprovisioningGuard } from './deprovisioning-guard.entity.js';
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

/** The mass-deprovisioning guard as operators see and steer it; each change is an audit entry. */
export function createDeprovisioningGuardService({ em, sql: db }: { em: EntityManager; sql: Sql }) {

  async function guardRow(companyId: string): Promise<DeprovisioningGuard> {
    // The SCIM path may create the row at the same moment; the insert yields to it.
    await db.query(sql`insert into deprovisioning_guard (company_id) values (${companyId}) on conflict (company_id) do nothing`);
    return em.findOneOrFail(DeprovisioningGuard, { company: companyId });
  }

  function view(companyId: string): Promise<GuardView> {
    return readGuardView(db, companyId);
  }

  /** Deactivations and deletions are accepted (and not counted) for `minutes`; the window starts afresh after. */
  async function release(companyId: string, minutes: number, actor: string): Promise<GuardView> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_RELEASE_MINUTES) {
      throw new DomainError('INVALID_INPUT', `A release lasts a whole number of minutes from 1 to ${MAX_RELEASE_MINUTES}`);
    }
    const before = await view(companyId);
    const row = await guardRow(companyId);
    row.releasedUntil = new Date(Date.now() + minutes * 60_000);
    row.trippedAt = null;
    row.trippedByTokenId = null;
    em.create(AuditEntry, {
      company: companyId, actor, action: 'deprovisioning-guard.released',
      detail: { minutes, state: before.state, heldBack: before.heldBack, trippedAt: before.trippedAt?.toISOString() ?? null },
    });
    await em.flush();
    return view(companyId);
  }

  async function update(companyId: string, changes: Partial<GuardSettings>, actor: string): Promise<GuardView> {
    assertSettings(changes);
    const row = await guardRow(companyId);
    const from: Partial<GuardSettings> = {};
    const to: Partial<GuardSettings> = {};
    for (const key of ['enabled', 'thresholdPercent', 'thresholdMinimum', 'windowMinutes'] as const) {
      const value = changes[key];
      if (value === undefined || value === null || value === row[key]) continue;
      Object.assign(from, { [key]: row[key] });
      Object.assign(to, { [key]: value });
      Object.assign(row, { [key]: value });
    }
    if (Object.keys(to).length > 0) {
      em.create(AuditEntry, { company: companyId, actor, action: 'deprovisioning-guard.updated', detail: { from, to } });
      await em.flush();
    }
    return view(companyId);
  }

  return { view, release, update };
}

export type DeprovisioningGuardService = ReturnType<typeof createDeprovisioningGuardService>;
