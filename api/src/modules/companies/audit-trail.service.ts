import type { EntityManager } from '@mikro-orm/postgresql';
import { toPage, type Page, type PageRequest } from '../../domain/paging.js';
import { AuditEntry } from './audit-entry.entity.js';

/** Reads the admin audit trail; entries are written by the services that make the changes. */
export function createAuditTrailService({ em }: { em: EntityManager }) {
  async function listAudit(companyId: string, { first, afterId }: PageRequest): Promise<Page<AuditEntry>> {
    const rows = await em.find(
      AuditEntry,
      afterId ? { company: companyId, id: { $lt: afterId } } : { company: companyId },
      { orderBy: { id: 'desc' }, limit: first + 1 },
    );
    return toPage(rows, first);
  }

  return { listAudit };
}
