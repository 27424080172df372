import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { seedCompany, type SeededCompany } from '../../../test/seed.js';
import { seedDirectory } from '../../../test/directory-seed.js';
import { sql } from '../../db/sql-tag.js';

let t: TestApp;
let admin: SeededCompany;
let reader: SeededCompany;
let other: SeededCompany;

const JOB = 'id status total deleted requestedBy startedAt finishedAt';

type Job = { id: string; status: string; total: number; deleted: number; startedAt: string | null; finishedAt: string | null };
type Result = { data?: Record<string, Job | null> | null; errors?: { extensions?: { code?: string } }[] };

async function gql(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
}

/** All results of one subscription over graphql-ws, until the server completes or fails it. */
async function subscribe(token: string, jobId: string) {
  const client = createClient({
    url: `${t.baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const results: Result[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: `subscription ($id: ID!) { bulkDeleteProgress(jobId: $id) { ${JOB} } }`, variables: { id: jobId } },
        { next: (result) => void results.push(result as never), error: reject, complete: resolve },
      );
    });
  } finally {
    await client.dispose();
  }
  return results;
}

async function waitForEnd(token: string, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const { data } = await gql(token, `query ($id: ID!) { bulkDeleteJob(id: $id) { ${JOB} } }`, { id });
    if (data?.bulkDeleteJob?.finishedAt) return data.bulkDeleteJob;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not end');
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await seedCompany(t);
  reader = await seedCompany(t, { permissions: ['iam:read'] });
  other = await seedCompany(t);
  const db = new pg.Pool({ connectionString: t.database.url, max: 1 });
  await seedDirectory(db, { companyId: admin.companyId, prefix: 's', users: 25, groupSize: 5 }).finally(() => db.end());
});

afterAll(async () => {
  await t?.close();
});

describe('bulk delete over GraphQL', () => {
  it('refuses deleteAllScimUsers without users:delete, and anonymous callers', async () => {
    const forbidden = await gql(reader.apiToken, `mutation { deleteAllScimUsers { id } }`);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql('nope', `{ activeBulkDeleteJob { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('starts the job, streams it to the end, and hides it from other companies', async () => {
    const started = await gql(admin.apiToken, `mutation { deleteAllScimUsers { ${JOB} } }`);
    const job = started.data?.deleteAllScimUsers;
    if (!job) throw new Error(JSON.stringify(started));
    expect(job).toMatchObject({ total: 25, deleted: 0, finishedAt: null });
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(job.status);
    // startedAt is the request time, set as the job is queued (the schema says so).
    expect(typeof job.startedAt).toBe('string');

    const results = await subscribe(admin.apiToken, job.id);
    const states = results.map((result) => result.data?.bulkDeleteProgress);
    expect(states.length).toBeGreaterThan(0);
    expect(states.at(-1)).toMatchObject({ id: job.id, status: 'SUCCEEDED', total: 25, deleted: 25 });

    const ended = await waitForEnd(admin.apiToken, job.id);
    expect(ended).toEqual(states.at(-1));
    expect((await gql(admin.apiToken, `{ activeBulkDeleteJob { id } }`)).data?.activeBulkDeleteJob).toBeNull();

    const foreign = await gql(other.apiToken, `query ($id: ID!) { bulkDeleteJob(id: $id) { id } }`, { id: job.id });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.bulkDeleteJob).toBeNull();
    const foreignStream = await subscribe(other.apiToken, job.id).catch((error: unknown) => [{ errors: error as never }]);
    expect(JSON.stringify(foreignStream)).toContain('NOT_FOUND');
  });

  it('lets an iam:read operator follow the running job after a reload', async () => {
    await t.sql.query(
      sql`update bulk_delete_job set status = 'RUNNING', claimed_by = 'elsewhere', heartbeat_at = now() + interval '1 hour',
         finished_at = null where company_id = ${admin.companyId}`,
    );
    const active = await gql(reader.apiToken, `{ activeBulkDeleteJob { id status } }`);
    expect(active.data?.activeBulkDeleteJob).toBeNull(); // the reader's own company has none
    const mine = await gql(admin.apiToken, `{ activeBulkDeleteJob { id status } }`);
    expect(mine.data?.activeBulkDeleteJob?.status).toBe('RUNNING');
    const again = await gql(admin.apiToken, `mutation { deleteAllScimUsers { id } }`);
    expect(again.data?.deleteAllScimUsers?.id).toBe(mine.data?.activeBulkDeleteJob?.id);
  });
});
