import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { loadConfig } from '../config.js';
import { runningInstanceUrl } from './database.js';
import { entities } from './entities.js';
import { PostgresNamingStrategy } from './naming-strategy.js';
import { RosterPostgreSqlDriver } from './postgres-driver.js';
import { Migration20261128000000_initial } from './migrations/Migration20261128000000_initial.js';
import { Migration20261129000000_sign_in_throttle } from './migrations/Migration20261129000000_sign_in_throttle.js';
import { Migration20261129010000_directory_counts } from './migrations/Migration20261129010000_directory_counts.js';
import { Migration20261129020000_scim_auth_notify } from './migrations/Migration20261129020000_scim_auth_notify.js';
import { Migration20261129030000_skip_attribute_statistics } from './migrations/Migration20261129030000_skip_attribute_statistics.js';
import { Migration20261201100000_active_unassigned } from './migrations/Migration20261201100000_active_unassigned.js';
import { Migration20261201101000_misfiled_schema_keys } from './migrations/Migration20261201101000_misfiled_schema_keys.js';
import { Migration20261201400000_activity_time_order } from './migrations/Migration20261201400000_activity_time_order.js';
import { Migration20261201600000_directory_search } from './migrations/Migration20261201600000_directory_search.js';
import { Migration20261201700000_scim_rate_limit } from './migrations/Migration20261201700000_scim_rate_limit.js';
import { Migration20261202500000_activity_detail } from './migrations/Migration20261202500000_activity_detail.js';
import { Migration20261202600000_directory_events } from './migrations/Migration20261202600000_directory_events.js';
import { Migration20261202610000_webhooks } from './migrations/Migration20261202610000_webhooks.js';
import { Migration20261202800000_soft_delete } from './migrations/Migration20261202800000_soft_delete.js';
import { Migration20261202700000_deprovisioning_guard } from './migrations/Migration20261202700000_deprovisioning_guard.js';
import { Migration20261202710000_scim_token_lifecycle } from './migrations/Migration20261202710000_scim_token_lifecycle.js';
import { Migration20261203200000_bulk_delete_event_source } from './migrations/Migration20261203200000_bulk_delete_event_source.js';
import { Migration20261203300000_outbox_without_company_key } from './migrations/Migration20261203300000_outbox_without_company_key.js';
import { Migration20261204000000_company_leading_keys } from './migrations/Migration20261204000000_company_leading_keys.js';
import { Migration20261204100000_outbox_direct_inserts } from './migrations/Migration20261204100000_outbox_direct_inserts.js';
import { Migration20261204200000_membership_events_joins } from './migrations/Migration20261204200000_membership_events_joins.js';
import { Migration20261205000000_archive_without_foreign_keys } from './migrations/Migration20261205000000_archive_without_foreign_keys.js';
import { Migration20261206000000_event_time_brin } from './migrations/Migration20261206000000_event_time_brin.js';
import { Migration20261207000000_membership_cascades_skip_events } from './migrations/Migration20261207000000_membership_cascades_skip_events.js';

/** Committed migrations, in order. Listed rather than globbed so bundles and tsx load the same. */
const migrationsList = [
  { name: 'Migration20261128000000_initial', class: Migration20261128000000_initial },
  { name: 'Migration20261129000000_sign_in_throttle', class: Migration20261129000000_sign_in_throttle },
  { name: 'Migration20261129010000_directory_counts', class: Migration20261129010000_directory_counts },
  { name: 'Migration20261129020000_scim_auth_notify', class: Migration20261129020000_scim_auth_notify },
  { name: 'Migration20261129030000_skip_attribute_statistics', class: Migration20261129030000_skip_attribute_statistics },
  { name: 'Migration20261201100000_active_unassigned', class: Migration20261201100000_active_unassigned },
  { name: 'Migration20261201101000_misfiled_schema_keys', class: Migration20261201101000_misfiled_schema_keys },
  { name: 'Migration20261201400000_activity_time_order', class: Migration20261201400000_activity_time_order },
  { name: 'Migration20261201600000_directory_search', class: Migration20261201600000_directory_search },
  { name: 'Migration20261201700000_scim_rate_limit', class: Migration20261201700000_scim_rate_limit },
  { name: 'Migration20261202500000_activity_detail', class: Migration20261202500000_activity_detail },
  { name: 'Migration20261202600000_directory_events', class: Migration20261202600000_directory_events },
  { name: 'Migration20261202610000_webhooks', class: Migration20261202610000_webhooks },
  { name: 'Migration20261202800000_soft_delete', class: Migration20261202800000_soft_delete },
  { name: 'Migration20261202700000_deprovisioning_guard', class: Migration20261202700000_deprovisioning_guard },
  { name: 'Migration20261202710000_scim_token_lifecycle', class: Migration20261202710000_scim_token_lifecycle },
  { name: 'Migration20261203200000_bulk_delete_event_source', class: Migration20261203200000_bulk_delete_event_source },
  { name: 'Migration20261203300000_outbox_without_company_key', class: Migration20261203300000_outbox_without_company_key },
  { name: 'Migration20261204000000_company_leading_keys', class: Migration20261204000000_company_leading_keys },
  { name: 'Migration20261204100000_outbox_direct_inserts', class: Migration20261204100000_outbox_direct_inserts },
  { name: 'Migration20261204200000_membership_events_joins', class: Migration20261204200000_membership_events_joins },
  { name: 'Migration20261205000000_archive_without_foreign_keys', class: Migration20261205000000_archive_without_foreign_keys },
  { name: 'Migration20261206000000_event_time_brin', class: Migration20261206000000_event_time_brin },
  { name: 'Migration20261207000000_membership_cascades_skip_events', class: Migration20261207000000_membership_cascades_skip_events },
];

/**
 * knex prints every pooled connection a PostgreSQL restart ended to stdout, as plain text among
 * the JSON logs; what such a loss causes is logged where it matters (503s, retries).
 */
function warnUnlessConnectionLost(message: string): void {
  if (!message.startsWith('Connection Error:')) console.warn(message);
}

/**
 * Migrations declare foreign keys without ON UPDATE (ids never change), which PostgreSQL keeps as
 * NO ACTION; MikroORM would otherwise assume ON UPDATE CASCADE for every relation it persists.
 */
function keepUpdateRuleDefault(meta: EntityMetadata): void {
  for (const prop of meta.props) {
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) prop.updateRule ??= 'no action';
  }
}

export function createOrmOptions(clientUrl: string, poolMax = 20): Options {
  return defineConfig({
    clientUrl,
    driver: RosterPostgreSqlDriver,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      path: 'api/src/db/migrations',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: poolMax },
    driverOptions: { log: { warn: warnUnlessConnectionLost } },
    // Entities describe the migrated schema exactly; api/test/schema-truth.test.ts keeps them in step.
    namingStrategy: PostgresNamingStrategy,
    discovery: { warnWhenNoEntities: true, onMetadata: keepUpdateRuleDefault },
    allowGlobalContext: false,
    debug: false,
  });
}

/**
 * The MikroORM CLI's options (npm run migration:create): DATABASE_URL when set, else the embedded
 * database of a running `npm start`, which has applied every committed migration.
 */
export default async function cliOptions(): Promise<Options> {
  const config = loadConfig(process.env);
  const url = config.databaseUrl ?? (await runningInstanceUrl(config.dataDir));
  if (url === undefined) {
    throw new Error(`No database: set DATABASE_URL, or start Roster (npm start) on ${config.dataDir} first.`);
  }
  return createOrmOptions(url);
}
