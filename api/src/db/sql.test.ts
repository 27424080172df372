import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlPool, type Sql, type SqlPool } from './sql.js';
import { sql as statement } from './sql-tag.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';

let database: TestDatabase;
let sql: SqlPool;
let unprepared: SqlPool;

const preparedTexts = async (on: Sql, work: (tx: Sql) => Promise<void>) =>
  on.transaction(async (tx) => {
    await work(tx);
    const rows = await tx.query<{ statement: string }>(statement`select statement from pg_prepared_statements`);
    return rows.map((row) => row.statement);
  });

beforeAll(async () => {
  database = await createTestDatabase();
  sql = openSqlPool({ url: database.url, poolMax: 2, preparedStatements: true });
  unprepared = openSqlPool({ url: database.url, poolMax: 1, preparedStatements: false });
  await sql.query(statement`create table sql_test (id int primary key, label text, at timestamptz)`);
});
afterAll(async () => {
  await unprepared?.close();
  await sql?.close();
  await database?.drop();
});

describe('openSqlPool', () => {
  it('never prepares a statement marked to be planned per call, and prepares the others from their second use', async () => {
    const texts = await preparedTexts(sql, async (tx) => {
      for (let i = 0; i < 3; i += 1) {
        await tx.query(statement.planPerCall(statement`select count(*) as n from sql_test where label = ${`row ${i}`}`));
        await tx.query(statement`select count(*) as n from sql_test where id = ${i}`);
      }
    });
    expect(texts).toContain('select count(*) as n from sql_test where id = $1');
    expect(texts.some((text) => text.includes('where label = $1'))).toBe(false);
  });

  it('runs a statement many times (prepared from its second use) with fresh values each time', async () => {
    for (let id = 1; id <= 5; id += 1) await sql.query(statement`insert into sql_test (id, label) values (${id}, ${`row ${id}`})`);
    const rows = await sql.query<{ id: number; label: string }>(statement`select id, label from sql_test where id = any(${[2, 4]}::int[]) order by id`);
    expect(rows).toEqual([{ id: 2, label: 'row 2' }, { id: 4, label: 'row 4' }]);
  });

  it('keeps working when a migration changes the columns a prepared `returning *` gives back', async () => {
    const touch = () => sql.query<Record<string, unknown>>(statement`update sql_test set label = label where id = ${1} returning *`);
    await touch();
    await touch();
    await sql.query(statement`alter table sql_test add column note text`);
    expect(Object.keys((await touch())[0]!)).toEqual(['id', 'label', 'at', 'note']);
    expect(Object.keys((await touch())[0]!)).toEqual(['id', 'label', 'at', 'note']);
  });

  it('commits a transaction together and rolls back a failed one, savepoints included', async () => {
    const insert = (tx: Sql, id: number, label: string) => tx.query(statement`insert into sql_test (id, label) values (${id}, ${label})`);
    await sql.transaction(async (tx) => {
      await insert(tx, 10, 'kept');
      await tx.transaction((inner) => insert(inner, 11, 'kept too'));
      await tx.transaction((inner) => insert(inner, 10, 'duplicate')).catch(() => undefined);
    });
    await expect(sql.transaction(async (tx) => {
      await insert(tx, 12, 'rolled back');
      throw new Error('abort');
    })).rejects.toThrow('abort');
    const rows = await sql.query<{ id: number }>(statement`select id from sql_test where id >= 10 order by id`);
    expect(rows.map((row) => row.id)).toEqual([10, 11]);
  });

  it('binds jsonb `?` operators next to values, prepared with the text as written', async () => {
    await sql.query(statement`insert into sql_test (id, label) values (${20}, ${'{"title": "x"}'})`);
    const texts = await preparedTexts(sql, async (tx) => {
      for (let i = 0; i < 2; i += 1) {
        expect(await tx.query(statement`select label from sql_test where label::jsonb ? ${'title'} and id = ${20}`)).toEqual([{ label: '{"title": "x"}' }]);
      }
    });
    expect(texts).toContain('select label from sql_test where label::jsonb ? $1 and id = $2');
  });

  it('reads timestamps as PostgreSQL writes them, microseconds kept, as the ORM does', async () => {
    await sql.query(statement`insert into sql_test (id, at) values (${30}, ${'2026-12-01 10:00:00.123456+00'})`);
    const [row] = await sql.query<{ at: string; ats: string[] }>(statement`select at, array[at, at] as ats from sql_test where id = ${30}`);
    expect(row?.at).toMatch(/^2026-12-01 \d\d:00:00\.123456/);
    expect(row?.ats).toEqual([row?.at, row?.at]);
  });

  it('names no statement when prepared statements are off (PgBouncer in transaction mode)', async () => {
    const texts = await preparedTexts(unprepared, async (tx) => {
      for (let i = 0; i < 5; i += 1) await tx.query(statement`select count(*) as n from sql_test where id = ${i}`);
    });
    expect(texts).toEqual([]);
    // The same statements on the default pool are prepared: the check above can fail.
    const prepared = await preparedTexts(sql, async (tx) => {
      for (let i = 0; i < 5; i += 1) await tx.query(statement`select count(*) as n from sql_test where id = ${i}`);
    });
    expect(prepared).toContain('select count(*) as n from sql_test where id = $1');
  });

  it('reports a database that cannot be reached as unavailable, and closes', async () => {
    const nowhere = openSqlPool({ url: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1, preparedStatements: true });
    await expect(nowhere.query(statement`select 1`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(nowhere.connections()).toEqual({ used: 0, idle: 0, waiting: 0 });
    await nowhere.close();
  });
});
