import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm, type Orm } from './orm.js';
import { numberPlaceholders, sqlFor, type Sql } from './sql.js';
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
  it('plans prepared statements for the values at hand, never a generic plan fixed while a table was empty', async () => {
    const settings = await Promise.all([1, 2].map(() => sql.query<{ plan_cache_mode: string }>('show plan_cache_mode')));
    expect(settings.map((rows) => rows[0]?.plan_cache_mode)).toEqual(['force_custom_plan', 'force_custom_plan']);
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
});
