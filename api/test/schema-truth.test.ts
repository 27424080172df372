import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { openMigratedDatabase, type MigratedDatabase } from './harness.js';

// Two fresh databases: one as the committed migrations leave it, one whose tables the entities
// created (after the same migrations, so pg_trgm and the SQL functions the indexes use exist).
let migrated: MigratedDatabase;
let fromEntities: MigratedDatabase;

beforeAll(async () => {
  [migrated, fromEntities] = await Promise.all([openMigratedDatabase(), openMigratedDatabase()]);
  await fromEntities.orm.schema.dropSchema();
  await fromEntities.orm.schema.createSchema();
});
afterAll(() => Promise.all([migrated?.close(), fromEntities?.close()]));

/** What `migration:create` would write, one statement a line. */
async function pendingSchemaChanges(): Promise<string[]> {
  const sql = await migrated.orm.schema.getUpdateSchemaSQL({ wrap: false });
  return sql.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('--'));
}

/**
 * Every column, constraint and index of the app's tables as PostgreSQL prints it. MikroORM's diff
 * compares expression indexes by name only; this compares what they index, check bodies too.
 */
async function catalog(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(`
    select format('column %s.%s %s %s default %s', c.table_name, c.column_name,
                  format_type(a.atttypid, a.atttypmod), case when c.is_nullable = 'YES' then 'null' else 'not null' end,
                  coalesce(c.column_default, '-')) as line
      from information_schema.columns c
      join pg_attribute a on a.attrelid = quote_ident(c.table_name)::regclass and a.attname = c.column_name
     where c.table_schema = 'public' and c.table_name <> 'mikro_orm_migrations'
    union all
    select format('constraint %s.%s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
      from pg_constraint
     where connamespace = 'public'::regnamespace and conrelid not in (0, 'mikro_orm_migrations'::regclass)
    union all
    select format('index %s', indexdef) from pg_indexes where schemaname = 'public' and tablename <> 'mikro_orm_migrations'
    order by 1`);
  return rows.map((row) => row.line);
}

describe('entities and migrations', () => {
  it('leave MikroORM nothing to change on a freshly migrated database', async () => {
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await migrated.orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });

  it('build the same tables, constraints and indexes as the migrations', async () => {
    const [fromMigrations, built] = await Promise.all([catalog(migrated.client), catalog(fromEntities.client)]);
    expect(fromMigrations.length).toBeGreaterThan(200);
    expect({
      onlyFromMigrations: fromMigrations.filter((line) => !built.includes(line)),
      onlyFromEntities: built.filter((line) => !fromMigrations.includes(line)),
    }).toEqual({ onlyFromMigrations: [], onlyFromEntities: [] });
  });
});
