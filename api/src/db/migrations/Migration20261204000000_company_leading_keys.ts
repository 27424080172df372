import { Migration } from '@mikro-orm/migrations';

/** Foreign keys between tenant tables, each re-created with company_id first (delete rules kept). */
const TENANT_FOREIGN_KEYS: { table: string; old: string[]; add: string[] }[] = [
  {
    table: 'scim_token',
    old: ['scim_token_rotated_from_id_fkey'],
    add: ['(company_id, rotated_from_id) references scim_token (company_id, id) on delete set null (rotated_from_id)'],
  },
  ...['directory_user', 'directory_group', 'deleted_directory_user'].map((table) => ({
    table,
    old: [`${table}_created_by_token_id_fkey`, `${table}_updated_by_token_id_fkey`],
    add: [
      '(company_id, created_by_token_id) references scim_token (company_id, id) on delete set null (created_by_token_id)',
      '(company_id, updated_by_token_id) references scim_token (company_id, id) on delete set null (updated_by_token_id)',
    ],
  })),
  {
    table: 'deleted_directory_user',
    old: ['deleted_directory_user_bulk_delete_job_id_fkey'],
    add: ['(company_id, bulk_delete_job_id) references bulk_delete_job (company_id, id) on delete set null (bulk_delete_job_id)'],
  },
  {
    table: 'directory_membership',
    old: ['directory_membership_group_id_fkey', 'directory_membership_member_user_id_fkey', 'directory_membership_member_group_id_fkey'],
    add: [
      '(company_id, group_id) references directory_group (company_id, id) on delete cascade',
      '(company_id, member_user_id) references directory_user (company_id, id) on delete cascade',
      '(company_id, member_group_id) references directory_group (company_id, id) on delete cascade',
    ],
  },
  {
    table: 'deleted_group_membership',
    old: ['deleted_group_membership_member_user_id_fkey', 'deleted_group_membership_group_id_fkey'],
    add: [
      '(company_id, member_user_id) references deleted_directory_user (company_id, id) on delete cascade',
      '(company_id, group_id) references directory_group (company_id, id) on delete cascade',
    ],
  },
  {
    table: 'webhook_delivery',
    old: ['webhook_delivery_endpoint_id_fkey'],
    add: ['(company_id, endpoint_id) references webhook_endpoint (company_id, id) on delete cascade'],
  },
  {
    table: 'webhook_attempt',
    old: ['webhook_attempt_delivery_id_fkey'],
    add: ['(company_id, delivery_id) references webhook_delivery (company_id, id) on delete cascade'],
  },
];

/** Primary keys that become (company_id, …); the old key's columns follow company_id. */
const TENANT_PRIMARY_KEYS: Record<string, string> = {
  scim_token: 'company_id, id',
  directory_user: 'company_id, id',
  directory_group: 'company_id, id',
  directory_membership: 'company_id, group_id, member_id',
  provisioning_event: 'company_id, id',
  bulk_delete_job: 'company_id, id',
  audit_entry: 'company_id, id',
  directory_count_delta: 'company_id, id',
  directory_event: 'company_id, id',
  webhook_endpoint: 'company_id, id',
  webhook_delivery: 'company_id, id',
  webhook_attempt: 'company_id, id',
  deleted_directory_user: 'company_id, id',
  deleted_group_membership: 'company_id, member_user_id, group_id',
  deprovisioning_applied: 'company_id, id',
  deprovisioning_refusal: 'company_id, id',
};

/**
 * Every tenant table keyed by company_id first, as a distributed PostgreSQL (Citus, distributed by
 * company_id) requires of primary keys, unique constraints and foreign keys between distributed
 * tables; docs/scaling.md has the path. Data stays: webhook_attempt gains its delivery's
 * company_id, and keys are dropped and re-added in one transaction (referencing keys first).
 * Foreign keys to a SCIM token or a job set only their own column null (PostgreSQL 15's column
 * list), since company_id is part of them and never null. The SCIM token's hash is unique per
 * company: a token is looked up within the company of the URL. The membership events trigger
 * joins by (company_id, id), the only key left on those tables.
 *
 * Reference tables (global, replicated to every node) keep their keys: company, sign_in_throttle,
 * operator and operator_session (sign-in by email alone, sessions by cookie alone) and api_token
 * (an integrator's bearer token names no company); api/test/distribution-keys.test.ts holds the list.
 */
export class Migration20261204000000_company_leading_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table webhook_attempt add column company_id uuid null;
      update webhook_attempt a set company_id = d.company_id from webhook_delivery d where d.id = a.delivery_id;
      alter table webhook_attempt alter column company_id set not null,
        add constraint webhook_attempt_company_id_fkey foreign key (company_id) references company (id) on delete cascade;
    `);
    for (const { table, old } of TENANT_FOREIGN_KEYS) {
      this.addSql(`alter table ${table} ${old.map((name) => `drop constraint ${name}`).join(', ')};`);
    }
    for (const [table, columns] of Object.entries(TENANT_PRIMARY_KEYS)) {
      this.addSql(`alter table ${table} drop constraint ${table}_pkey, add primary key (${columns});`);
    }
    this.addSql(`
      alter table scim_token drop constraint scim_token_token_hash_key, add unique (company_id, token_hash);
      drop index scim_token_company_index;
    `);
    for (const { table, add } of TENANT_FOREIGN_KEYS) {
      this.addSql(`alter table ${table} ${add.map((key) => `add foreign key ${key}`).join(', ')};`);
    }
    this.addSql(MEMBERSHIP_EVENTS_BY_COMPANY);
  }
}

const MEMBERSHIP_EVENTS_BY_COMPANY = `
  create or replace function directory_membership_events() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', g.company_id, 'type', 'group.member_added',
          'resource_type', 'Group', 'resource_id', g.id,
          'data', jsonb_build_object('group', jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id),
            'member', jsonb_build_object('value', m.member_id, 'type', case when m.member_user_id is null then 'Group' else 'User' end)),
          'source', coalesce(directory_event_source(), 'scim_token:' || g.updated_by_token_id::text))))
        from new_rows m join directory_group g on g.company_id = m.company_id and g.id = m.group_id having count(*) > 0;
    else
      -- Cascades from a deleted user or group find it gone: no event (see migration directory_events).
      perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', g.company_id, 'type', 'group.member_removed',
          'resource_type', 'Group', 'resource_id', g.id,
          'data', jsonb_build_object('group', jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id),
            'member', jsonb_build_object('value', m.member_id, 'type', case when m.member_user_id is null then 'Group' else 'User' end)),
          'source', coalesce(directory_event_source(), 'scim_token:' || g.updated_by_token_id::text))))
        from old_rows m join directory_group g on g.company_id = m.company_id and g.id = m.group_id
       where exists (select 1 from directory_user u where u.company_id = m.company_id and u.id = m.member_user_id)
          or exists (select 1 from directory_group mg where mg.company_id = m.company_id and mg.id = m.member_group_id)
      having count(*) > 0;
    end if;
    return null;
  end $$;
`;
