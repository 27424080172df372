import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { runCli } from './process.js';

let database: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url };
});
afterAll(() => database.drop());

const lastLine = (output: string) => output.trim().split('\n').at(-1);

// Each call boots a Node process with tsx: seconds apiece on a loaded 2-core machine.
describe('roster CLI', { timeout: 120_000 }, () => {
  it('creates and lists companies, refusing bad slugs and duplicates with exit 2', async () => {
    expect((await runCli(['company', 'create', 'acme-1', '--name', 'Acme'], env)).code).toBe(0);
    const bad = await runCli(['company', 'create', 'Acme_Co', '--name', 'Bad'], env);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('Invalid company identifier');
    const duplicate = await runCli(['company', 'create', 'acme-1', '--name', 'Again'], env);
    expect(duplicate).toMatchObject({ code: 2 });
    expect((await runCli(['company', 'list'], env)).output).toBe('acme-1\tAcme\tSCIM ACTIVE\tEntra ID off\n');
  });

  it('prints usage and exits 2 on unknown commands, missing options and bad flags', async () => {
    for (const args of [['nope'], ['company', 'create', 'x1'], ['company', 'list', '--bogus'], []]) {
      const result = await runCli(args, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.output).toContain('Usage: npm run roster');
    }
    const help = await runCli(['scim-token', 'create', '--help'], env);
    expect(help).toMatchObject({ code: 0 });
    expect(help.output).toContain('scim-token create <slug> --label <label>');
  });

  it('prints token secrets alone on the last line', async () => {
    await runCli(['company', 'create', 'tok-co', '--name', 'Tokens'], env);
    const scim = await runCli(['scim-token', 'create', 'tok-co', '--label', 'Entra ID'], env);
    expect(lastLine(scim.output)).toMatch(/^roster_scim_[\w-]{43}$/);
    const api = await runCli(['api-token', 'create', 'tok-co', '--label', 'CI', '--permissions', 'iam:read'], env);
    expect(lastLine(api.output)).toMatch(/^roster_api_[\w-]{43}$/);
    const wrong = await runCli(['api-token', 'create', 'tok-co', '--label', 'CI', '--permissions', 'iam:write'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain('Unknown permission iam:write');
  });

  it('creates operators with a password from stdin or a generated one', async () => {
    await runCli(['company', 'create', 'ops-co', '--name', 'Ops'], env);
    const piped = await runCli(
      ['operator', 'create', 'ops-co', '--email', 'a@ops.test', '--permissions', 'iam:read,iam:manage'],
      env,
      'a long enough password\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.output).not.toContain('Generated password');
    const generated = await runCli(['operator', 'create', 'ops-co', '--email', 'b@ops.test', '--permissions', 'iam:read'], env);
    expect(generated.code).toBe(0);
    expect(lastLine(generated.output)).toMatch(/^[\w-]{24}$/);
    const short = await runCli(['operator', 'create', 'ops-co', '--email', 'c@ops.test', '--permissions', 'iam:read'], env, 'short');
    expect(short.code).toBe(2);
  });

  it('creates operators without IAM rights from --permissions "" or none (issue 12)', async () => {
    await runCli(['company', 'create', 'noiam-co', '--name', 'No IAM'], env);
    for (const [email, value] of [['empty@noiam.test', ''], ['none@noiam.test', 'none']] as const) {
      const created = await runCli(['operator', 'create', 'noiam-co', '--email', email, '--permissions', value], env, 'a long enough password\n');
      expect(created, value).toMatchObject({ code: 0 });
      expect(created.output).toContain(`Created operator ${email} for noiam-co (no permissions)`);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`select email, permissions from operator where email like '%@noiam.test' order by email`);
    await client.end();
    expect(rows).toEqual([{ email: 'empty@noiam.test', permissions: [] }, { email: 'none@noiam.test', permissions: [] }]);
    const missing = await runCli(['operator', 'create', 'noiam-co', '--email', 'x@noiam.test'], env);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('Missing --permissions (a list, or none)');
    expect(missing.output).toContain('--permissions <list|none>');
  });

  it('activates and deactivates SCIM and toggles Entra ID', async () => {
    await runCli(['company', 'create', 'state-co', '--name', 'State'], env);
    expect((await runCli(['scim', 'deactivate', 'state-co'], env)).code).toBe(0);
    expect((await runCli(['company', 'entra', 'state-co', 'on'], env)).code).toBe(0);
    const refused = await runCli(['scim', 'activate', 'state-co'], env);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('Entra ID');
    expect((await runCli(['company', 'entra', 'state-co', 'off'], env)).code).toBe(0);
    expect((await runCli(['scim', 'activate', 'state-co'], env)).code).toBe(0);
    expect((await runCli(['scim', 'activate', 'missing-co'], env)).code).toBe(2);
  });

  it('sets a company SCIM rate limit, with the burst 3 × the rate unless given, and refuses bad numbers with exit 2', async () => {
    await runCli(['company', 'create', 'rate-co', '--name', 'Rates'], env);
    const set = await runCli(['company', 'rate-limit', 'rate-co', '--per-second', '20'], env);
    expect(set.output).toContain('SCIM rate limit for rate-co: 20 requests/s, bursts of 60 (its own)');
    for (const args of [['--per-second', 'fast'], ['--default', '--burst', '3'], [], ['--per-second', '5', '--burst', '0']]) {
      const refused = await runCli(['company', 'rate-limit', 'rate-co', ...args], env);
      expect(refused.code, args.join(' ')).toBe(2);
    }
    const reset = await runCli(['company', 'rate-limit', 'rate-co', '--default'], env);
    expect(reset.output).toContain('SCIM rate limit for rate-co: 100 requests/s, bursts of 300 (the deployment default)');
  });
});
