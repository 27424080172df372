import {
  AbstractSqlDriver, PostgreSqlConnection, PostgreSqlPlatform, PostgreSqlSchemaHelper, type Configuration, type DatabaseTable,
} from '@mikro-orm/postgresql';

/**
 * MikroORM 6 leaves the primary key out of a table it creates when an autoincrement column is
 * part of a composite key (company_id, id): it expects the serial column to carry the key inline,
 * which it only writes for single-column keys. Naming composite keys explicitly makes it write
 * the constraint (under PostgreSQL's own name). Only `schema.createSchema()` is affected, as
 * api/test/schema-truth.test.ts uses it; diffs and migrations are not.
 */
class CompositeKeySchemaHelper extends PostgreSqlSchemaHelper {
  override hasNonDefaultPrimaryKeyName(table: DatabaseTable): boolean {
    return table.getPrimaryKey()?.composite === true || super.hasNonDefaultPrimaryKeyName(table);
  }
}

class RosterPostgreSqlPlatform extends PostgreSqlPlatform {
  protected override readonly schemaHelper: PostgreSqlSchemaHelper = new CompositeKeySchemaHelper(this);
}

/** PostgreSqlDriver with the platform above. */
export class RosterPostgreSqlDriver extends AbstractSqlDriver<PostgreSqlConnection, RosterPostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new RosterPostgreSqlPlatform(), PostgreSqlConnection, ['knex', 'pg']);
  }
}
