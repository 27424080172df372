import type { TestApp } from './harness.js';
import { sql } from '../src/db/sql-tag.js';

/** Directory rows written straight into PostgreSQL, as the SCIM server or a manual import would leave them. */
export async function insertDirectoryRows(
  t: TestApp,
  companyId: string,
  { scimUsers = 0, manualUsers = 0, scimGroups = 0, manualGroups = 0 },
): Promise<void> {
  const prefix = (source: string) => `${source.toLowerCase()}-${Math.random().toString(36).slice(2)}-`;
  const users = (count: number, source: string) =>
    t.sql.query(
      sql`insert into directory_user (id, company_id, source, user_name)
       select gen_random_uuid(), ${companyId}, ${source}, ${prefix(source)} || g from generate_series(1, ${count}) g`,
    );
  const groups = (count: number, source: string) =>
    t.sql.query(
      sql`insert into directory_group (id, company_id, source, display_name)
       select gen_random_uuid(), ${companyId}, ${source}, ${prefix(source)} || g from generate_series(1, ${count}) g`,
    );
  await Promise.all([users(scimUsers, 'SCIM'), users(manualUsers, 'MANUAL'), groups(scimGroups, 'SCIM'), groups(manualGroups, 'MANUAL')]);
}

export interface EventSeed {
  status?: number;
  operation?: string;
  tokenLabel?: string;
}

/** Provisioning events in order (oldest first); returns their ids. */
export async function insertEvents(t: TestApp, companyId: string, events: EventSeed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const status = event.status ?? 201;
    const failed = status >= 400;
    const rows = await t.sql.query<{ id: string }>(
      sql`insert into provisioning_event (company_id, occurred_at, token_label, user_agent, method, operation, resource_type, status, scim_type, message, duration_ms)
       values (${companyId}, now(), ${event.tokenLabel ?? 'Test IdP'}, 'Test-IdP/1.0', 'POST', ${event.operation ?? 'Create user'}, 'User', ${status},
         ${failed ? 'uniqueness' : null}, ${failed ? 'userName taken' : null}, 3.5) returning id::text as id`,
    );
    ids.push(rows[0]?.id ?? '');
  }
  return ids;
}

/** An event as the activity recorder publishes it on `activity:<companyId>`. */
export function eventPayload(companyId: string, id: string, status = 201) {
  return {
    id,
    companyId,
    occurredAt: new Date().toISOString(),
    tokenId: null,
    tokenLabel: 'Test IdP',
    userAgent: 'Test-IdP/1.0',
    method: 'POST',
    operation: 'Create user',
    resourceType: 'User',
    resourceId: null,
    status,
    scimType: null,
    message: null,
    durationMs: 2,
  };
}
