import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { runPhase, type PhaseResult } from './phase.js';

/** How big one run of the SCIM workload is. */
export interface WorkloadShape {
  users: number;
  groups: number;
  membersPerGroup: number;
  concurrency: number;
}

const RETURNING = 'id, user_name, external_id, display_name, active, attributes, version, created_at, updated_at';

/** The raw limit: each SCIM phase as the plain SQL it needs at minimum, through `pg`, same concurrency. */
export async function rawPhases(pool: pg.Pool, companyId: string, shape: WorkloadShape): Promise<PhaseResult[]> {
  const indexes = Array.from({ length: shape.users }, (_, i) => i);
  const ids = indexes.map(() => randomUUID());
  const attributes = (i: number, extra: Record<string, unknown> = {}) => JSON.stringify({
    userName: `user${i}@raw.example`, externalId: `ext-${i}`, displayName: `Raw User ${i}`,
    name: { givenName: 'Raw', familyName: `User${i}` }, emails: [{ value: `user${i}@raw.example`, type: 'work', primary: true }], active: true, ...extra,
  });
  const ok = (result: pg.QueryResult) => (result.rowCount ?? 0) > 0;
  const results: PhaseResult[] = [];
  results.push(await runPhase('create users', indexes, shape.concurrency, async (i) => ok(await pool.query(
    `insert into directory_user (id, company_id, source, user_name, external_id, display_name, active, email_values, attributes)
     values ($1, $2, 'SCIM', $3, $4, $5, true, $6, $7) returning ${RETURNING}`,
    [ids[i], companyId, `user${i}@raw.example`, `ext-${i}`, `Raw User ${i}`, [`user${i}@raw.example`], attributes(i)],
  ))));
  results.push(await runPhase('userName eq lookup', indexes, shape.concurrency, async (i) => ok(await pool.query(
    `select ${RETURNING} from directory_user where company_id = $1 and lower(user_name) = lower($2)`, [companyId, `user${i}@raw.example`],
  ))));
  const pages = Array.from({ length: Math.ceil(shape.users / 100) }, (_, p) => p);
  results.push(await runPhase('list 100 per page', pages, shape.concurrency, async (p) => ok(await pool.query(
    `select count(*) over () as total, ${RETURNING} from directory_user where company_id = $1 order by created_at, id offset $2 limit 100`,
    [companyId, p * 100],
  ))));
  results.push(await runPhase('PATCH active false', indexes, shape.concurrency, async (i) => ok(await pool.query(
    `update directory_user set active = false, attributes = $3, version = version + 1, updated_at = now()
     where company_id = $1 and id = $2 returning ${RETURNING}`, [companyId, ids[i], attributes(i, { active: false })],
  ))));
  results.push(await runPhase('PUT user', indexes, shape.concurrency, async (i) => ok(await pool.query(
    `update directory_user set user_name = $3, external_id = $4, display_name = $5, active = true, email_values = $6,
       attributes = $7, version = version + 1, updated_at = now() where company_id = $1 and id = $2 returning ${RETURNING}`,
    [companyId, ids[i], `user${i}@raw.example`, `ext-${i}`, `Raw User ${i}`, [`user${i}@raw.example`], attributes(i, { title: 'Updated' })],
  ))));
  const groupIndexes = Array.from({ length: shape.groups }, (_, g) => g);
  const groupIds = groupIndexes.map(() => randomUUID());
  results.push(await runPhase('create groups', groupIndexes, shape.concurrency, async (g) => ok(await pool.query(
    `insert into directory_group (id, company_id, display_name, attributes) values ($1, $2, $3, $4) returning id`,
    [groupIds[g], companyId, `Raw Group ${g}`, JSON.stringify({ displayName: `Raw Group ${g}` })],
  ))));
  const memberships = groupIndexes.flatMap((g) => Array.from({ length: shape.membersPerGroup }, (_, m) => [g, (g * shape.membersPerGroup + m) % shape.users] as const));
  results.push(await runPhase('PATCH add member', memberships, shape.concurrency, async ([g, u]) => ok(await pool.query(
    `insert into directory_membership (group_id, member_id, member_user_id, company_id) values ($1, $2, $2, $3)`,
    [groupIds[g], ids[u], companyId],
  ))));
  results.push(await runPhase('DELETE user', indexes, shape.concurrency, async (i) => ok(await pool.query(
    'delete from directory_user where company_id = $1 and id = $2', [companyId, ids[i]],
  ))));
  results.push(await runPhase('DELETE group', groupIndexes, shape.concurrency, async (g) => ok(await pool.query(
    'delete from directory_group where company_id = $1 and id = $2', [companyId, groupIds[g]],
  ))));
  return results;
}
