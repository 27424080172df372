import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm, type Orm } from '../src/db/orm.js';
import { PERMISSIONS } from '../src/modules/access/permissions.js';
import { createServices } from '../src/services.js';
import { createTestDatabase, openTestSql, type TestDatabase } from './harness.js';
import type { SqlPool } from '../src/db/sql.js';
import { runCli, spawnRoster, waitForReady, type RosterProcess } from './process.js';

let database: TestDatabase;
let orm: Orm;
let sql: SqlPool;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url, 2);
  sql = openTestSql(database.url, 2);
  await migrate(orm, database.url);
});
afterAll(async () => {
  await sql?.close();
  await orm.close();
  await database.drop();
});

type LogLine = Record<string, unknown>;
const jsonLines = (output: string): LogLine[] =>
  output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);

async function startRoster(env: Record<string, string> = {}): Promise<{ run: RosterProcess; baseUrl: string }> {
  const port = await findFreePort();
  const run = spawnRoster({ DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'debug', ...env });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(baseUrl);
  return { run, baseUrl };
}

async function stop(run: RosterProcess): Promise<string> {
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  return run.output();
}

/** A GraphQL call as the console (cookie) or an integrator (token) makes it; returns the data and Set-Cookie. */
async function graphql(baseUrl: string, query: string, auth: { cookie?: string; token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-graphql-csrf': '1' };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary result shapes
  return { ...body, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

async function seed() {
  const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url }));
  const company = await services.companies.createCompany('log-co', 'Logs');
  const password = 'operator password that must not be logged';
  await services.operators.createOperator(company.id, 'ops@log.test', password, [...PERMISSIONS]);
  const scim = await services.tokens.createScimToken(company.id, 'Okta', 'test');
  const api = await services.tokens.createApiToken(company.id, 'CI', [...PERMISSIONS]);
  return { password, scimToken: scim.secret, apiToken: api.secret };
}

async function provision(baseUrl: string, scimToken: string, userPassword: string): Promise<void> {
  const scim = (path: string, init: RequestInit = {}, token = scimToken) =>
    fetch(`${baseUrl}/pp/scim/v2/log-co${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    }).then(async (response) => ({ status: response.status, body: await response.text() }));
  const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'pat@log.test', password: userPassword };
  expect((await scim('/Users', { method: 'POST', body: JSON.stringify(user) })).status).toBe(201);
  expect((await scim('/Users?filter=userName%20eq%20%22pat%40log.test%22')).status).toBe(200);
  expect((await scim('/Users', {}, `${scimToken}x`)).status).toBe(401);
}

async function adminActions(baseUrl: string, cookie: string): Promise<string> {
  await graphql(baseUrl, 'mutation { deactivateScim { status } }', { cookie });
  await graphql(baseUrl, 'mutation { activateScim { status } }', { cookie });
  const created = await graphql(baseUrl, 'mutation { createScimToken(label: "Entra") { secret token { id } } }', { cookie });
  const { secret, token } = created.data?.createScimToken as { secret: string; token: { id: string } };
  await graphql(baseUrl, `mutation { revokeScimToken(id: "${token.id}") { id } }`, { cookie });
  const job = await graphql(baseUrl, 'mutation { deleteAllScimUsers { id } }', { cookie });
  const jobId = (job.data?.deleteAllScimUsers as { id: string }).id;
  await expect.poll(async () => (await graphql(baseUrl, `{ bulkDeleteJob(id: "${jobId}") { status } }`, { cookie })).data?.bulkDeleteJob?.status,
    { timeout: 30_000 }).toBe('SUCCEEDED');
  return secret;
}

describe('the server log', { timeout: 180_000 }, () => {
  it('has an access line per request and a line per admin action, and none of the secrets used', async () => {
    const { password, scimToken, apiToken } = await seed();
    const scimUserPassword = 'scim user password from the IdP';
    const wrongPassword = 'a mistyped operator password';
    const { run, baseUrl } = await startRoster();
    await expect.poll(() => run.output()).toContain(`Roster console: http://localhost:${baseUrl.split(':').at(-1)}/login — sign in with an operator's email`);

    await provision(baseUrl, scimToken, scimUserPassword);
    expect((await graphql(baseUrl, `mutation { signIn(email: "ops@log.test", password: "${wrongPassword}") { id } }`)).errors).toBeDefined();
    const { cookie } = await graphql(baseUrl, `mutation { signIn(email: "ops@log.test", password: "${password}") { id } }`);
    if (!cookie) throw new Error('no session cookie');
    expect((await graphql(baseUrl, '{ counts { users } }', { token: apiToken })).data?.counts).toBeDefined();
    const newScimToken = await adminActions(baseUrl, cookie);
    const reset = await runCli(['operator', 'reset-password', 'ops@log.test'], { DATABASE_URL: database.url });
    const generated = reset.output.trim().split('\n').at(-1) ?? '';
    const second = await graphql(baseUrl, `mutation { signIn(email: "ops@log.test", password: "${generated}") { id } }`);
    expect(second.cookie).toBeDefined();
    const output = await stop(run);

    const secrets = { scimToken, apiToken, password, wrongPassword, scimUserPassword, newScimToken, generated,
      cookie: cookie.split('=')[1] ?? '', secondCookie: second.cookie?.split('=')[1] ?? '' };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(10);
      expect(output.includes(secret), `${name} appears in the log`).toBe(false);
    }

    const lines = jsonLines(output);
    const access = lines.filter((line) => line.msg === 'request');
    expect(access.find((line) => line.family === 'scim' && line.status === 201)).toMatchObject({
      level: 30, method: 'POST', company: 'log-co', requestId: expect.any(String), durationMs: expect.any(Number),
    });
    const graphqlCompanies = access.filter((line) => line.family === 'graphql').map((line) => line.company);
    expect(graphqlCompanies[0]).toBeUndefined(); // the failed sign-in acted for no company
    expect(new Set(graphqlCompanies.slice(1))).toEqual(new Set(['log-co'])); // the sign-ins included
    expect(graphqlCompanies.length).toBeGreaterThanOrEqual(10);
    const actions = lines.filter((line) => line.adminAction).map((line) => [line.adminAction, typeof line.auditId]);
    expect(actions).toEqual(expect.arrayContaining([
      ['scim.deactivated', 'string'], ['scim.activated', 'string'], ['scim-token.created', 'string'],
      ['scim-token.revoked', 'string'], ['users.deleted-all', 'string'],
    ]));
  });

  it('has no access lines with ACCESS_LOG=false', async () => {
    const { run, baseUrl } = await startRoster({ ACCESS_LOG: 'false' });
    await (await fetch(`${baseUrl}/healthz`)).text();
    const output = await stop(run);
    expect(jsonLines(output).filter((line) => line.msg === 'request')).toEqual([]);
    expect(output).toContain('Roster listening');
  });
});
