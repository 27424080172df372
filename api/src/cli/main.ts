import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { attachDatabase } from '../db/database.js';
import { migrate, openOrm } from '../db/orm.js';
import { openSqlPool } from '../db/sql.js';
import { DomainError } from '../domain/domain-error.js';
import { followAuditEntries } from '../modules/companies/audit-log.js';
import { createServices } from '../services.js';
import { findCommand, type CommandInput } from './commands.js';
import { readStdin } from './stdin.js';
import { USAGE, UsageError } from './usage.js';

function parse(argv: string[]): CommandInput & { help: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      email: { type: 'string' },
      permissions: { type: 'string' },
      label: { type: 'string' },
      'per-second': { type: 'string' },
      burst: { type: 'string' },
      default: { type: 'boolean' },
    },
  });
  return { words: positionals, options: values, help: values.help ?? false, readStdin };
}

async function run(argv: string[]): Promise<number> {
  let input: ReturnType<typeof parse>;
  try {
    input = parse(argv);
    if (input.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const command = findCommand(input.words);
    const config = loadConfig();
    const database = await attachDatabase(config, () => {});
    const orm = await openOrm(database.url, 2);
    const sql = openSqlPool({ url: database.url, poolMax: 2, preparedStatements: config.databasePreparedStatements });
    const out = (line: string) => process.stdout.write(`${line}\n`);
    // Names the audit entry of each change, as the server's log does for changes made there.
    followAuditEntries(orm, ({ auditId, action }) => out(`Audit entry ${auditId}: ${action}`));
    try {
      await migrate(orm, database.directUrl);
      await command(createServices(orm.em.fork(), sql, config), input, out);
    } finally {
      await sql.close();
      await orm.close();
      await database.close();
    }
    return 0;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof DomainError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

process.exitCode = await run(process.argv.slice(2));
