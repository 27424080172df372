import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { migrate, openOrm, type Orm } from '../src/db/orm.js';
import { createServices } from '../src/services.js';
import { createTestDatabase, openTestSql, type TestDatabase } from './harness.js';
import type { SqlPool } from '../src/db/sql.js';
import { runCli } from './process.js';

let database: TestDatabase;
let orm: Orm;
let sql: SqlPool;
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url };
  orm = await openOrm(database.url, 2);
  sql = openTestSql(database.url, 2);
  await migrate(orm, database.url);
});
afterAll(async () => {
  await sql?.close();
  await orm.close();
  await database.drop();
});

const services = () => createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url }));
const lastLine = (output: string) => output.trim().split('\n').at(-1);
const signInWorks = (email: string, password: string) => services().operators.signIn(email, password).then(() => true, () => false);

// Each call boots a Node process with tsx: seconds apiece on a loaded 2-core machine.
describe('roster CLI for operators', { timeout: 120_000 }, () => {
  it('resets a lost password: new one from stdin or generated, sessions ended, lock-out lifted, audited', async () => {
    await runCli(['company', 'create', 'reset-co', '--name', 'Reset'], env);
    await runCli(['operator', 'create', 'reset-co', '--email', 'Lost@Reset.test', '--permissions', 'iam:read'], env, 'the first password\n');
    const session = await services().operators.signIn('lost@reset.test', 'the first password');
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await signInWorks('lost@reset.test', 'a wrong password')).toBe(false);

    const piped = await runCli(['operator', 'reset-password', 'LOST@reset.test'], env, 'the second password\n');
    expect(piped.code).toBe(0);
    expect(piped.output).toContain('New password set for lost@reset.test; 1 session(s) ended');
    expect(piped.output).toMatch(/Audit entry \d+: operator\.password-reset/);
    expect(piped.output).not.toContain('the second password');
    expect(await services().operators.authenticateSession(session.secret)).toBeNull();
    expect(await signInWorks('lost@reset.test', 'the first password')).toBe(false);
    expect(await signInWorks('lost@reset.test', 'the second password')).toBe(true);

    const generated = await runCli(['operator', 'reset-password', 'lost@reset.test'], env);
    expect(generated.code).toBe(0);
    const password = lastLine(generated.output) ?? '';
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(await signInWorks('lost@reset.test', password)).toBe(true);

    const company = await services().companies.getBySlug('reset-co');
    const audit = await services().companies.listAudit(company.id);
    const resets = audit.filter((entry) => entry.action === 'operator.password-reset');
    expect(resets).toHaveLength(2);
    // Newest first; the sign-ins that prove each password are audited too, so only the resets are compared.
    expect(resets[0]).toMatchObject({ actor: 'cli', detail: { email: 'lost@reset.test' } });
  });

  it('refuses a short password and an unknown operator with exit 2', async () => {
    await runCli(['company', 'create', 'refuse-co', '--name', 'Refuse'], env);
    await runCli(['operator', 'create', 'refuse-co', '--email', 'a@refuse.test', '--permissions', 'iam:read'], env, 'a long enough password\n');
    const short = await runCli(['operator', 'reset-password', 'a@refuse.test'], env, 'short\n');
    expect(short.code).toBe(2);
    expect(await signInWorks('a@refuse.test', 'a long enough password')).toBe(true);
    const unknown = await runCli(['operator', 'reset-password', 'nobody@refuse.test'], env, 'a long enough password\n');
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('No operator nobody@refuse.test');
    expect((await runCli(['operator', 'reset-password'], env)).code).toBe(2);
  });

  it('lists a company\'s operators and removes one, ending their sessions', async () => {
    await runCli(['company', 'create', 'list-co', '--name', 'List'], env);
    await runCli(['operator', 'create', 'list-co', '--email', 'b@list.test', '--permissions', 'iam:read,users:delete'], env, 'a long enough password\n');
    await runCli(['operator', 'create', 'list-co', '--email', 'a@list.test', '--permissions', 'iam:manage'], env, 'a long enough password\n');
    const listed = await runCli(['operator', 'list', 'list-co'], env);
    expect(listed.code).toBe(0);
    expect(listed.output).toMatch(/^a@list\.test\tiam:manage\tcreated \S+\nb@list\.test\tiam:read,users:delete\tcreated \S+\n$/);

    const session = await services().operators.signIn('b@list.test', 'a long enough password');
    const removed = await runCli(['operator', 'remove', 'b@list.test'], env);
    expect(removed.code).toBe(0);
    expect(removed.output).toContain('Removed operator b@list.test; 1 session(s) ended');
    expect(removed.output).toMatch(/Audit entry \d+: operator\.removed/);
    expect(await services().operators.authenticateSession(session.secret)).toBeNull();
    expect((await runCli(['operator', 'list', 'list-co'], env)).output).not.toContain('b@list.test');
    expect((await runCli(['operator', 'remove', 'b@list.test'], env)).code).toBe(2);
    expect((await runCli(['operator', 'list', 'missing-co'], env)).code).toBe(2);
  });

  it('lists the operator commands in the usage text', async () => {
    const help = await runCli(['--help'], env);
    for (const command of ['operator list <slug>', 'operator reset-password <email>', 'operator remove <email>']) {
      expect(help.output).toContain(command);
    }
  });
});
