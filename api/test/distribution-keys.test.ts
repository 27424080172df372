import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { openMigratedDatabase, type MigratedDatabase } from './harness.js';

/**
 * The tables that are not distributed by company_id (docs/scaling.md): Citus copies reference
 * tables to every node, so they must stay small and be written at human pace.
 */
const REFERENCE_TABLES: Record<string, string> = {
  company: 'the tenants themselves; every tenant table references it',
  sign_in_throttle: 'keyed by the email a sign-in names, before any company is known',
  operator: 'sign-in finds an operator by email alone, so an email is unique across companies',
  operator_session: 'a console cookie names no company; every console request looks its hash up',
  api_token: "an integrator's bearer token names no company; every GraphQL request looks its hash up",
  mikro_orm_migrations: "the migrator's own bookkeeping (a local table of the coordinator under Citus)",
};

interface Violation {
  table: string;
  message: string;
}

/**
 * Every key of `schema` that a distribution by company_id would refuse, as "<table>: <what>":
 * tenant tables (all but `reference`) without company_id or a primary key; unique indexes
 * (primary keys included) whose first column is not company_id; foreign keys between tenant
 * tables without company_id first on both sides; reference tables pointing at tenant tables.
 */
async function distributionKeyViolations(client: pg.Client, schema: string, reference: string[]): Promise<string[]> {
  const { rows } = await client.query<Violation>(`
    with t as (
      select c.oid, c.relname, c.relname = any ($2::text[]) as is_reference,
             (select a.attnum from pg_attribute a where a.attrelid = c.oid and a.attname = 'company_id' and not a.attisdropped) as company
        from pg_class c where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p'))
    select relname as table, 'has no company_id and is not a reference table' as message
      from t where not is_reference and company is null
    union all
    select relname, 'has no primary key' from t
     where not is_reference and not exists (select 1 from pg_constraint k where k.conrelid = t.oid and k.contype = 'p')
    union all
    select t.relname, format('unique index %s does not lead with company_id: %s', x.relname, pg_get_indexdef(i.indexrelid))
      from t join pg_index i on i.indrelid = t.oid join pg_class x on x.oid = i.indexrelid
     where not t.is_reference and i.indisunique and i.indkey[0] is distinct from t.company
    union all
    select t.relname, format('foreign key %s to %s does not lead with company_id on both sides: %s', f.conname, r.relname, pg_get_constraintdef(f.oid))
      from t join pg_constraint f on f.conrelid = t.oid and f.contype = 'f' join t r on r.oid = f.confrelid
     where not t.is_reference and not r.is_reference and (f.conkey[1] is distinct from t.company or f.confkey[1] is distinct from r.company)
    union all
    select t.relname, format('reference table has foreign key %s to tenant table %s', f.conname, r.relname)
      from t join pg_constraint f on f.conrelid = t.oid and f.contype = 'f' join t r on r.oid = f.confrelid
     where t.is_reference and not r.is_reference
    order by 1, 2`, [schema, reference]);
  return rows.map((row) => `${row.table}: ${row.message}`);
}

let db: MigratedDatabase;

beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(() => db?.close());

describe('distribution keys', () => {
  it('lead every tenant table\'s primary key, unique indexes and foreign keys with company_id', async () => {
    expect(await distributionKeyViolations(db.client, 'public', Object.keys(REFERENCE_TABLES))).toEqual([]);
  });

  it('know every reference table by name, and tenant tables are most of the schema', async () => {
    const { rows } = await db.client.query<{ relname: string }>(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    );
    const tables = rows.map((row) => row.relname);
    expect(Object.keys(REFERENCE_TABLES).filter((name) => !tables.includes(name))).toEqual([]);
    expect(tables.length - Object.keys(REFERENCE_TABLES).length).toBeGreaterThanOrEqual(18);
  });

  it('names each table and key that breaks the rule', async () => {
    const schema = `distribution_probe_${Date.now()}`;
    await db.client.query(`
      create schema ${schema};
      create table ${schema}.company (id uuid primary key);
      create table ${schema}.good (company_id uuid not null references ${schema}.company (id), id uuid not null, primary key (company_id, id));
      create table ${schema}.loose (id uuid primary key, company_id uuid not null);
      create table ${schema}.bad (
        id uuid primary key, company_id uuid not null references ${schema}.company (id), loose_id uuid references ${schema}.loose (id),
        good_id uuid, email text, foreign key (company_id, good_id) references ${schema}.good (company_id, id));
      create unique index bad_email_unique on ${schema}.bad (lower(email));
      create table ${schema}.orphan (id uuid primary key);
      create table ${schema}.sign_in_throttle (email text primary key, good_company uuid, good_id uuid,
        foreign key (good_company, good_id) references ${schema}.good (company_id, id));`);
    try {
      expect(await distributionKeyViolations(db.client, schema, ['company', 'sign_in_throttle'])).toEqual([
        'bad: foreign key bad_loose_id_fkey to loose does not lead with company_id on both sides: FOREIGN KEY (loose_id) REFERENCES distribution_probe_X.loose(id)',
        'bad: unique index bad_email_unique does not lead with company_id: CREATE UNIQUE INDEX bad_email_unique ON distribution_probe_X.bad USING btree (lower(email))',
        'bad: unique index bad_pkey does not lead with company_id: CREATE UNIQUE INDEX bad_pkey ON distribution_probe_X.bad USING btree (id)',
        'loose: unique index loose_pkey does not lead with company_id: CREATE UNIQUE INDEX loose_pkey ON distribution_probe_X.loose USING btree (id)',
        'orphan: has no company_id and is not a reference table',
        'orphan: unique index orphan_pkey does not lead with company_id: CREATE UNIQUE INDEX orphan_pkey ON distribution_probe_X.orphan USING btree (id)',
        'sign_in_throttle: reference table has foreign key sign_in_throttle_good_company_good_id_fkey to tenant table good',
      ].map((line) => line.replaceAll('distribution_probe_X', schema)));
    } finally {
      await db.client.query(`drop schema ${schema} cascade`);
    }
  });
});
