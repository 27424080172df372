import { sql } from '../../db/sql-tag.js';
import type { DirectoryEventType } from './event-catalogue.js';
import type { EventSource } from './event-source.js';

/**
 * An event that application code writes itself, for a change no directory trigger sees (the
 * guard, SCIM tokens, the deprovisioning policy). Written in the change's own transaction through
 * `write_directory_events`, like the triggers' events: same cursor, horizon and per-resource version.
 */
export interface WrittenEvent {
  companyId: string;
  type: DirectoryEventType;
  resourceType: 'DeprovisioningGuard' | 'ScimToken' | 'DeprovisioningPolicy';
  resourceId: string;
  data: Record<string, unknown>;
  source: EventSource | null;
}

const rowsOf = (events: readonly WrittenEvent[]) => JSON.stringify(events.map((event) => ({
  company_id: event.companyId, type: event.type, resource_type: event.resourceType, resource_id: event.resourceId,
  data: event.data, source: event.source,
})));

/** For a store's transaction (`Sql`). */
export const writeEventsSql = (events: readonly WrittenEvent[]) => sql`select write_directory_events(${rowsOf(events)}::jsonb)`;

/** For an EntityManager transaction: `tx.execute(...writeEventsStatement(events))`. */
export const writeEventsStatement = (events: readonly WrittenEvent[]): [string, unknown[]] =>
  ['select write_directory_events(?::jsonb)', [rowsOf(events)]];
