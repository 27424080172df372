import type pg from 'pg';

export interface DirectorySeed {
  companyId: string;
  /** user_name / display_name prefix, so several seeds can share a company. */
  prefix: string;
  users: number;
  /** Each group gets this many consecutive users as members (0: no groups). */
  groupSize?: number;
  source?: 'SCIM' | 'MANUAL';
}

/**
 * Set-based seeding (generate_series) so that 100,000 users take seconds, not minutes. Each user
 * gets its own created_at, one microsecond apart in insertion order, as users provisioned one by
 * one by an IdP have (a single shared timestamp would be an unrealistic tie on every row).
 */
export async function seedDirectory(db: pg.Pool | pg.Client, seed: DirectorySeed): Promise<void> {
  const { companyId, prefix, users, groupSize = 0, source = 'SCIM' } = seed;
  await db.query(
    `insert into directory_user (id, company_id, source, user_name, display_name, attributes, created_at)
     select gen_random_uuid(), $1, $2, $3 || i, 'User ' || $3 || i,
       jsonb_build_object('schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', $3 || i),
       now() - ($4::int - i) * interval '1 microsecond'
     from generate_series(1, $4::int) as i`,
    [companyId, source, `${prefix}u`, users],
  );
  if (groupSize <= 0) return;
  await db.query(
    `insert into directory_group (id, company_id, display_name)
     select gen_random_uuid(), $1, $2 || g from generate_series(1, $3::int) as g`,
    [companyId, `${prefix}g`, Math.ceil(users / groupSize)],
  );
  // Fresh rows have no statistics yet; without them the join below is planned as a nested loop.
  await db.query('analyze directory_user, directory_group');
  await db.query(
    `insert into directory_membership (group_id, member_id, member_user_id, company_id)
     select g.id, u.id, u.id, u.company_id
     from directory_user u
     join directory_group g on g.company_id = u.company_id
       and g.display_name = $3 || ((substring(u.user_name from length($2) + 1)::int - 1) / $4::int + 1)
     where u.company_id = $1 and u.user_name like $2 || '%' and u.source = $5`,
    [companyId, `${prefix}u`, `${prefix}g`, groupSize, source],
  );
}

const MANAGER_PATH = '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager}';

/** Makes `userName` report to `managerUserName` (enterprise extension, as IdPs send it). */
export async function setManager(db: pg.Pool | pg.Client, companyId: string, userName: string, managerUserName: string) {
  await db.query(
    `update directory_user u set attributes = jsonb_set(
       jsonb_set(u.attributes, '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}', '{}'::jsonb, true),
       '${MANAGER_PATH}', jsonb_build_object('value', m.id::text, 'displayName', m.display_name), true)
     from directory_user m
     where u.company_id = $1 and m.company_id = $1 and u.user_name = $2 and m.user_name = $3`,
    [companyId, userName, managerUserName],
  );
}
