import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm, type Orm } from './orm.js';
import { numberPlaceholders, PLAN_PER_CALL, sqlFor, type Sql } from './sql.js';
import { sql as statement } from './sql-tag.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';

let database: TestDatabase;
let orm: Orm;
let sql: Sql;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url, 2);
  sql = sqlFor(orm.em);
  await sql.query('create table sql_test (id int primary key, label text)');
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('numberPlaceholders', () => {
  it('numbers `?` in order and keeps an escaped `\\?`', () => {
    expect(numberPlaceholders('select ? where a = ? and b \\? c')).toBe('select $1 where a = $2 and b ? c');
  });
});

describe('sqlFor', () => {
  it('never prepares a statement marked to be planned per call, and prepares the others from their second use', async () => {
    const prepared = await sql.transaction(async (tx) => {
      for (let i = 0; i < 3; i += 1) {
        await tx.query(`${PLAN_PER_CALL}select count(*) as n from sql_test where label = ?`, [`row ${i}`]);
        await tx.query('select count(*) as n from sql_test where id = ?', [i]);
      }
      return tx.query<{ statement: string }>('select statement from pg_prepared_statements');
    });
    const texts = prepared.map((row) => row.statement);
    expect(texts.some((text) => text.includes('where id = $1'))).toBe(true);
    expect(texts.some((text) => text.includes('where label = $1'))).toBe(false);
  });

  it('runs a statement many times (prepared from its second use) with fresh values each time', async () => {
    for (let id = 1; id <= 5; id += 1) await sql.query('insert into sql_test (id, label) values (?, ?)', [id, `row ${id}`]);
    const rows = await sql.query<{ id: number; label: string }>('select id, label from sql_test where id = any(?::int[]) order by id', [[2, 4]]);
    expect(rows).toEqual([{ id: 2, label: 'row 2' }, { id: 4, label: 'row 4' }]);
  });

  it('keeps working when a migration changes the columns a prepared `returning *` gives back', async () => {
    const touch = () => sql.query<Record<string, unknown>>('update sql_test set label = label where id = ? returning *', [1]);
    await touch();
    await touch();
    await sql.query('alter table sql_test add column note text');
    expect(Object.keys((await touch())[0]!)).toEqual(['id', 'label', 'note']);
    expect(Object.keys((await touch())[0]!)).toEqual(['id', 'label', 'note']);
  });

  it('commits a transaction together and rolls back a failed one, savepoints included', async () => {
    await sql.transaction(async (tx) => {
      await tx.query('insert into sql_test (id, label) values (?, ?)', [10, 'kept']);
      await tx.transaction((inner) => inner.query('insert into sql_test (id, label) values (?, ?)', [11, 'kept too']));
      await tx.transaction((inner) => inner.query('insert into sql_test (id, label) values (?, ?)', [10, 'duplicate'])).catch(() => undefined);
    });
    await expect(sql.transaction(async (tx) => {
      await tx.query('insert into sql_test (id, label) values (?, ?)', [12, 'rolled back']);
      throw new Error('abort');
    })).rejects.toThrow('abort');
    const rows = await sql.query<{ id: number }>('select id from sql_test where id >= 10 order by id');
    expect(rows.map((row) => row.id)).toEqual([10, 11]);
  });

  it('runs statements built with the sql tag, prepared from their second use, and plans marked ones per call', async () => {
    await sql.query(statement`insert into sql_test (id, label) values (${20}, ${'{"title": "x"}'})`);
    const byId = (id: number) => sql.query<{ label: string }>(statement`select label from sql_test where id = ${id}`);
    expect(await byId(20)).toEqual([{ label: '{"title": "x"}' }]);
    const prepared = await sql.transaction(async (tx) => {
      for (let i = 0; i < 2; i += 1) {
        await tx.query(statement`select label from sql_test where label::jsonb ? ${'title'} and id = ${20}`);
        await tx.query(statement.planPerCall(statement`select count(*) from sql_test where label = ${`tag ${i}`}`));
      }
      return tx.query<{ statement: string }>(statement`select statement from pg_prepared_statements`);
    });
    const texts = prepared.map((row) => row.statement);
    expect(texts).toContain('select label from sql_test where label::jsonb ? $1 and id = $2');
    expect(texts.some((text) => text.includes('where label = $1'))).toBe(false);
  });
});
