/**
 * GET /Groups/{id} of a group larger than one batch of members (issue 17 point 2): streamed from
 * one snapshot with one batch in memory, over real HTTP with keep-alive, a slow client, a client
 * that goes away and a database that does.
 */
import http from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/db/sql-tag.js';
import { startTestApp, type TestApp } from './harness.js';
import { keepAliveClient } from './keep-alive-client.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { GROUP_URN, PATCH_OP } from './scim-client.js';

const MEMBERS = 50_000;
/**
 * Display names padded so the reply (about 25 MB) is far more than loopback socket buffers hold
 * (Linux autotuning lets them grow to several MB each way): a paused client surely stalls the server.
 */
const PADDING = 'x'.repeat(300);
const STALL_SECONDS = 3;

let t: TestApp;
let acme: SeededCompany;
let client: ReturnType<typeof keepAliveClient>;
let groupId: string;
let smallGroupId: string;

const auth = () => ({ authorization: `Bearer ${acme.scimToken}`, 'content-type': 'application/scim+json' });
const path = (suffix: string) => `${new URL(acme.scimBaseUrl).pathname}${suffix}`;
const get = (suffix: string, headers: Record<string, string> = {}) => client.request('GET', path(suffix), { headers: { ...auth(), ...headers } });

async function insertUsers(prefix: string, count: number): Promise<string[]> {
  const rows = await t.sql.query<{ id: string }>(sql`insert into directory_user (id, company_id, source, user_name, display_name)
    select gen_random_uuid(), ${acme.companyId}::uuid, 'SCIM', ${prefix} || n || '@example.test', 'Member ' || n || ' ' || ${PADDING}
    from generate_series(1, ${count}::int) n returning id`);
  return rows.map((row) => row.id);
}

/** Members straight into the table, each a millisecond apart, so the reply's order is known. */
async function addMembers(group: string, ids: string[]) {
  await t.sql.query(sql`insert into directory_membership (group_id, member_id, member_user_id, company_id, created_at)
    select ${group}::uuid, id, id, ${acme.companyId}::uuid, now() + n * interval '1 millisecond'
    from unnest(${ids}::uuid[]) with ordinality as m(id, n)`);
}

async function createGroup(displayName: string): Promise<string> {
  const created = await client.request('POST', path('/Groups'), { headers: auth(), body: JSON.stringify({ schemas: [GROUP_URN], displayName }) });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Backends of the test database holding a members cursor open: between fetches or in one. */
async function streamingBackends(): Promise<number[]> {
  const rows = await t.sql.query<{ pid: number }>(sql`select pid from pg_stat_activity
    where datname = current_database() and state in ('idle in transaction', 'active') and query like 'fetch forward%'`);
  return rows.map((row) => row.pid);
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

function sendGet(suffix: string): http.ClientRequest {
  // A connection of its own (no agent): destroying the request closes it.
  const request = http.request({ host: '127.0.0.1', port: new URL(t.baseUrl).port, path: path(suffix), headers: auth(), agent: false });
  request.on('error', () => undefined);
  // Not read until asked for (a request without a 'response' listener would have it drained).
  request.on('response', (response: http.IncomingMessage) => response.pause());
  return request.end();
}

/** A GET whose response is read only when `read` is called: the client holds back the server. */
async function pausedGet(suffix: string) {
  const request = sendGet(suffix);
  const [response] = (await once(request, 'response')) as [http.IncomingMessage];
  response.pause();
  return {
    response,
    async read(): Promise<string> {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.resume();
      await once(response, 'end');
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_MAX: '4', SCIM_STREAM_STALL_SECONDS: String(STALL_SECONDS), LOG_LEVEL: 'silent' });
  acme = await seedCompany(t);
  client = keepAliveClient(t.baseUrl);
  groupId = await createGroup('Everyone');
  await addMembers(groupId, await insertUsers('member-', MEMBERS));
  smallGroupId = await createGroup('Few');
  await addMembers(smallGroupId, await insertUsers('few-', 3));
}, 120_000);
afterAll(async () => {
  client?.close();
  await t?.close();
});

describe('GET /Groups/{id} of a large group', () => {
  it('streams every member once, oldest first, in the shape and key order of a small group, ETag = meta.version', async () => {
    const small = await get(`/Groups/${smallGroupId}`);
    expect(small.headers['content-length']).toBeDefined();
    const large = await get(`/Groups/${groupId}`);
    expect(large.status).toBe(200);
    expect(large.headers['content-length']).toBeUndefined();
    expect(large.headers['transfer-encoding']).toBe('chunked');
    expect(large.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(Object.keys(large.body)).toEqual(Object.keys(small.body));
    expect(Object.keys(large.body.members[0])).toEqual(Object.keys(small.body.members[0]));
    expect(large.body.meta.version).toBe(large.headers.etag);
    const expected = await t.sql.query<{ id: string }>(sql`select member_id::text as id from directory_membership
      where company_id = ${acme.companyId}::uuid and group_id = ${groupId}::uuid order by created_at, member_id`);
    expect(large.body.members.map((member: { value: string }) => member.value)).toEqual(expected.map((row) => row.id));
    expect(large.body.members[MEMBERS - 1]).toMatchObject({ type: 'User', display: `Member ${MEMBERS} ${PADDING}`, $ref: expect.stringMatching(/\/Users\//) });
    // The connection that carried the chunked reply carries the next request.
    expect((await get(`/Groups/${smallGroupId}`)).socket).toBe(large.socket);
  });

  it('applies attributes to every streamed member as it does to a small group', async () => {
    const query = '?attributes=members.value';
    const small = await get(`/Groups/${smallGroupId}${query}`);
    const large = await get(`/Groups/${groupId}${query}`);
    expect(Object.keys(large.body)).toEqual(Object.keys(small.body));
    expect(large.body.members).toHaveLength(MEMBERS);
    expect(new Set(large.body.members.map((member: object) => Object.keys(member).join()))).toEqual(new Set([Object.keys(small.body.members[0]).join()]));
  });

  it('answers If-None-Match with a 304 and an excluded members list without a snapshot left open', async () => {
    const { headers } = await get(`/Groups/${groupId}?excludedAttributes=members`);
    const cached = await get(`/Groups/${groupId}`, { 'if-none-match': String(headers.etag) });
    expect(cached.status).toBe(304);
    expect(cached.raw).toBe('');
    expect(await waitFor(streamingBackends, (pids) => pids.length === 0)).toEqual([]);
  });

  it('reads one snapshot: a member added while a slow client reads is not in that reply, and the write is not held up', async () => {
    const slow = await pausedGet(`/Groups/${groupId}`);
    expect(await waitFor(streamingBackends, (pids) => pids.length === 1)).toHaveLength(1);
    const [newcomer] = await insertUsers('newcomer-', 1);
    const started = Date.now();
    const patched = await client.request('PATCH', path(`/Groups/${groupId}`), {
      headers: auth(), body: JSON.stringify({ schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: newcomer }] }] }),
    });
    expect(patched.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(5_000);
    const body = JSON.parse(await slow.read());
    expect(body.members).toHaveLength(MEMBERS);
    expect(body.members.some((member: { value: string }) => member.value === newcomer)).toBe(false);
    expect(body.meta.version).toBe(slow.response.headers.etag);
    expect(body.meta.version).not.toBe(patched.headers.etag);
    const after = await get(`/Groups/${groupId}?attributes=members.value`);
    expect(after.body.members).toHaveLength(MEMBERS + 1);
    await client.request('PATCH', path(`/Groups/${groupId}`), {
      headers: auth(), body: JSON.stringify({ schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${newcomer}"]` }] }),
    });
  });

  it('streams a quarter of the pool at a time; the others wait without a connection, and each snapshot ends with its client', async () => {
    const requests = Array.from({ length: 6 }, () => sendGet(`/Groups/${groupId}`));
    expect(await waitFor(streamingBackends, (pids) => pids.length > 0)).toHaveLength(1);
    await sleep(300);
    // DATABASE_POOL_MAX 4: one snapshot at a time, and the rest of the pool is free for other requests.
    expect(await streamingBackends()).toHaveLength(1);
    expect((await get(`/Groups/${smallGroupId}`)).status).toBe(200);
    for (const request of requests) request.destroy();
    const stillOpen = async () => (await streamingBackends()).length + (await sleep(500), (await streamingBackends()).length);
    expect(await waitFor(stillOpen, (open) => open === 0, 5_000)).toBe(0);
    // A snapshot left open would hold the only slot: this read would never start.
    const again = await get(`/Groups/${groupId}?attributes=members.value`);
    expect(again.status).toBe(200);
    expect(again.body.members).toHaveLength(MEMBERS);
  });

  it('cuts off a client that reads nothing for SCIM_STREAM_STALL_SECONDS, freeing its snapshot', async () => {
    const slow = await pausedGet(`/Groups/${groupId}`);
    expect(await waitFor(streamingBackends, (pids) => pids.length === 1)).toHaveLength(1);
    const stalled = Date.now();
    expect(await waitFor(streamingBackends, (pids) => pids.length === 0, 15_000)).toEqual([]);
    expect(Date.now() - stalled).toBeGreaterThan(STALL_SECONDS * 1000 - 1000);
    await expect(slow.read()).rejects.toThrow(/aborted/);
  }, 30_000);

  it('cuts the connection, rather than end a partial body, when the database goes away mid-stream; the server goes on', async () => {
    const slow = await pausedGet(`/Groups/${groupId}`);
    const [pid] = await waitFor(streamingBackends, (pids) => pids.length === 1);
    await t.sql.query(sql`select pg_terminate_backend(${pid}::int)`);
    const outcome = await slow.read().then((raw) => `ended with ${raw.length} characters`, (error: Error) => error.message);
    expect(outcome).toMatch(/aborted/);
    const again = await get(`/Groups/${groupId}?attributes=members.value`);
    expect(again.status).toBe(200);
    expect(again.body.members).toHaveLength(MEMBERS);
  });
});
