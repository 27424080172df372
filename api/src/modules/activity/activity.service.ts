import type { Sql } from '../../db/sql.js';
import { toPage, type Page, type PageRequest } from '../../graphql/connection.js';
import type { ProvisioningEventInput } from './activity-recorder.js';

/** A provisioning event as the admin API shows it: what was recorded, with its id. */
export type ProvisioningEventView = Omit<ProvisioningEventInput, 'companyId'> & { id: string };

const SELECT = `select id::text as id, occurred_at as "occurredAt", token_id as "tokenId", token_label as "tokenLabel",
  user_agent as "userAgent", method, operation, resource_type as "resourceType", resource_id as "resourceId",
  status, scim_type as "scimType", message, duration_ms as "durationMs" from provisioning_event`;

export function createActivityService({ sql }: { sql: Sql }) {
  /**
   * Newest first, keyed on the bigserial id so that pages stay stable while events keep arriving;
   * both filters run on the (company_id, id desc) indexes (a partial one for failures).
   */
  async function listRecent(
    companyId: string,
    { first, afterId }: PageRequest,
    failuresOnly: boolean,
  ): Promise<Page<ProvisioningEventView>> {
    const where = ['company_id = ?'];
    const params: unknown[] = [companyId];
    if (failuresOnly) where.push('status >= 400');
    if (afterId) {
      where.push('id < ?');
      params.push(afterId);
    }
    const rows = await sql.query<ProvisioningEventView>(
      `${SELECT} where ${where.join(' and ')} order by id desc limit ?`,
      [...params, first + 1],
    );
    // The ORM's driver hands timestamps back as text; the API speaks Date.
    return toPage(rows.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt), durationMs: Number(row.durationMs) })), first);
  }

  return { listRecent };
}

export type ActivityService = ReturnType<typeof createActivityService>;
