import { UnderscoreNamingStrategy } from '@mikro-orm/core';

/** PostgreSQL's own suffixes for the constraints and indexes it names itself. */
const POSTGRES_SUFFIXES = { foreign: 'fkey', unique: 'key', index: 'idx' } as const;

/**
 * Names keys the way PostgreSQL does when a migration leaves them unnamed (`references company (id)`
 * becomes `…_company_id_fkey`, a column's `unique` becomes `…_key`), so an entity matches a
 * hand-written migration without spelling out every constraint name. Named indexes keep their names.
 * PostgreSQL shortens names beyond 63 characters in its own way: give such keys an explicit name.
 */
export class PostgresNamingStrategy extends UnderscoreNamingStrategy {
  override indexName(
    tableName: string,
    columns: string[],
    type: 'primary' | 'foreign' | 'unique' | 'index' | 'sequence' | 'check',
  ): string {
    if (type !== 'foreign' && type !== 'unique' && type !== 'index') return super.indexName(tableName, columns, type);
    const table = tableName.slice(tableName.indexOf('.') + 1);
    return [table, ...columns, POSTGRES_SUFFIXES[type]].join('_');
  }
}
