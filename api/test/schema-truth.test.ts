import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase, type MigratedDatabase } from './harness.js';

let db: MigratedDatabase;

beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(() => db?.close());

/** The statements MikroORM would write into the next migration, one per line. */
async function schemaDiff(): Promise<string[]> {
  const sql = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
  return sql.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('--'));
}

describe('entities and migrations', () => {
  it('describe the same schema: the ORM finds nothing to change on a freshly migrated database', async () => {
    expect(await schemaDiff()).toEqual([]);
  });
});
