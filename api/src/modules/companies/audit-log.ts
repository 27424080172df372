import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.js';
import type { AuditEntry } from './audit-entry.entity.js';

export interface WrittenAuditEntry {
  auditId: string;
  companyId: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Calls `sink` for every audit entry a flush wrote, so that every admin action (activate,
 * deactivate, tokens, …) gets one log line naming its entry. afterFlush follows the commit of a
 * flush's own transaction; inside `em.transactional` it precedes the outer commit.
 */
export function followAuditEntries(orm: Orm, sink: (entry: WrittenAuditEntry) => void): void {
  const subscriber: EventSubscriber = {
    afterFlush({ uow }: FlushEventArgs) {
      for (const change of uow.getChangeSets()) {
        if (change.type !== ChangeSetType.CREATE || change.name !== 'AuditEntry') continue;
        const entry = change.entity as AuditEntry;
        sink({ auditId: entry.id, companyId: entry.company.id, actor: entry.actor, action: entry.action, detail: entry.detail });
      }
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
}
