import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { DomainError } from '../../domain/domain-error.js';
import { isStorableText } from '../../domain/storable-text.js';
import { toPage, type Page, type PageRequest } from '../../domain/paging.js';
import { AuditEntry } from './audit-entry.entity.js';

/** Which audit entries a list or export shows. `since` is inclusive, `until` exclusive. */
export interface AuditFilters {
  action?: string;
  actor?: string;
  since?: Date;
  until?: Date;
}

const MAX_TEXT = 300;

function assertValid({ action, actor }: AuditFilters): void {
  for (const [name, value] of [['action', action], ['actor', actor]] as const) {
    if (value !== undefined && (value.length > MAX_TEXT || !isStorableText(value))) {
      throw new DomainError('INVALID_INPUT', `${name} must be text of at most ${MAX_TEXT} characters`);
    }
  }
}

/** Reads the admin audit trail; entries are written by the services that make the changes. */
export function createAuditTrailService({ em }: { em: EntityManager }) {
  /** Newest first by id; action filters run on (company_id, action, id desc), the rest on (company_id, id desc). */
  async function listAudit(companyId: string, { first, afterId }: PageRequest, filters: AuditFilters = {}): Promise<Page<AuditEntry>> {
    assertValid(filters);
    const { action, actor, since, until } = filters;
    const where: FilterQuery<AuditEntry> = {
      company: companyId,
      ...(afterId && { id: { $lt: afterId } }),
      ...(action !== undefined && { action }),
      ...(actor !== undefined && { actor }),
      ...((since || until) && { occurredAt: { ...(since && { $gte: since }), ...(until && { $lt: until }) } }),
    };
    const rows = await em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: first + 1 });
    return toPage(rows, first);
  }

  return { listAudit };
}
