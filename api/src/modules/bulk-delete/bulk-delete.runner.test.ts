import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../config.js';
import { migrate, openOrm, type Orm } from '../../db/orm.js';
import { createEventBus, type EventBus } from '../../events/event-bus.js';
import { createLogger } from '../../logger.js';
import { createServices } from '../../services.js';
import type { SqlPool } from '../../db/sql.js';
import { openTestSql } from '../../../test/harness.js';
import { seedDirectory, setManager } from '../../../test/directory-seed.js';
import type { Principal } from '../access/principal.js';
import { createBulkDeleteRunner, type BulkDeleteRunner } from './bulk-delete.runner.js';
import { watchBulkDeleteJob } from './bulk-delete.progress.js';
import type { BulkDeleteJobView } from './bulk-delete-job.view.js';

// Its own database on the run's PostgreSQL, without the HTTP app (whose runner would race ours).
async function createDatabase() {
  const info = inject('pg');
  const url = (name: string) => `postgres://${info.user}:${info.password}@${info.host}:${info.port}/${name}`;
  const name = `roster_bulk_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  return { url: url(name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

let database: Awaited<ReturnType<typeof createDatabase>>;
let orm: Orm;
let sql: SqlPool;
let events: EventBus;
let db: pg.Pool;
const config = loadConfig({ LOG_LEVEL: 'silent' });
const logger = createLogger(config);

beforeAll(async () => {
  database = await createDatabase();
  orm = await openOrm(database.url, 10);
  sql = openTestSql(database.url, 10);
  await migrate(orm, database.url);
  events = createEventBus(database.url, logger);
  db = new pg.Pool({ connectionString: database.url, max: 4 });
});

afterAll(async () => {
  await db?.end();
  await events?.close();
  await sql?.close();
  await orm?.close();
  await database?.drop();
});

const services = () => createServices(orm.em.fork(), sql, config);

async function newCompany(): Promise<{ companyId: string; principal: Principal }> {
  const slug = `c-${Math.random().toString(36).slice(2, 10)}`;
  const company = await services().companies.createCompany(slug, slug);
  const principal: Principal = { kind: 'operator', id: company.id, companyId: company.id, name: `ops@${slug}.test`, permissions: ['users:delete'] };
  return { companyId: company.id, principal };
}

async function count(text: string, params: unknown[]): Promise<number> {
  return Number((await db.query<{ n: string }>(`select count(*) as n from ${text}`, params)).rows[0]?.n);
}

function runner(options: { batchSize?: number; leaseMs?: number; parallelBatches?: number; logger?: pino.Logger } = {}): BulkDeleteRunner {
  return createBulkDeleteRunner({
    sql, events, logger: options.logger ?? logger, batchSize: options.batchSize ?? 7, leaseMs: options.leaseMs ?? 10_000, pollMs: 200,
    ...(options.parallelBatches ? { parallelBatches: options.parallelBatches } : {}),
  });
}

async function waitForEnd(companyId: string, jobId: string, timeoutMs = 20_000): Promise<BulkDeleteJobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await services().bulkDelete.findJob(companyId, jobId);
    if (job && (job.status === 'SUCCEEDED' || job.status === 'FAILED')) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not end: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('bulk-delete service', () => {
  it('keeps one running job per company under concurrent starts, and one per company only', async () => {
    const a = await newCompany();
    const b = await newCompany();
    await seedDirectory(db, { companyId: a.companyId, prefix: 's', users: 30 });
    const started = await Promise.all(Array.from({ length: 12 }, () => services().bulkDelete.start(a.companyId, a.principal)));
    expect(new Set(started.map((job) => job.id)).size).toBe(1);
    expect(started[0]).toMatchObject({ status: 'QUEUED', total: 30, deleted: 0, requestedBy: a.principal.name, finishedAt: null });
    expect(started[0]?.startedAt).toBeInstanceOf(Date);
    expect(await count('bulk_delete_job where company_id = $1', [a.companyId])).toBe(1);

    const other = await services().bulkDelete.start(b.companyId, b.principal);
    expect(other.id).not.toBe(started[0]?.id);
    expect(other.total).toBe(0);
    expect((await services().bulkDelete.findActive(a.companyId))?.id).toBe(started[0]?.id);
  });

  it('answers another company\'s job, a missing one and a malformed id alike: null', async () => {
    const a = await newCompany();
    const b = await newCompany();
    const job = await services().bulkDelete.start(a.companyId, a.principal);
    expect((await services().bulkDelete.findJob(a.companyId, job.id))?.id).toBe(job.id);
    expect(await services().bulkDelete.findJob(b.companyId, job.id)).toBeNull();
    expect(await services().bulkDelete.findJob(a.companyId, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await services().bulkDelete.findJob(a.companyId, 'not-a-uuid')).toBeNull();
  });
});

describe('bulk-delete runner', () => {
  it('deletes SCIM users only, with their memberships and the references to them, and audits it', async () => {
    const a = await newCompany();
    const b = await newCompany();
    await seedDirectory(db, { companyId: a.companyId, prefix: 's', users: 50, groupSize: 10 });
    await seedDirectory(db, { companyId: a.companyId, prefix: 'm', users: 5, source: 'MANUAL' });
    await seedDirectory(db, { companyId: b.companyId, prefix: 's', users: 20, groupSize: 10 });
    await setManager(db, a.companyId, 'mu1', 'su3'); // a manual user reporting to a SCIM user
    await setManager(db, a.companyId, 'su4', 'su5');
    await setManager(db, b.companyId, 'su1', 'su2'); // another company's reference stays
    const versionBefore = (await db.query(`select version from directory_user where company_id = $1 and user_name = 'mu1'`, [a.companyId])).rows[0]?.version;
    await db.query(`insert into directory_membership (group_id, member_id, member_user_id, company_id)
      select g.id, u.id, u.id, u.company_id from directory_group g, directory_user u
      where g.company_id = $1 and u.company_id = $1 and g.display_name = 'sg1' and u.user_name = 'mu2'`, [a.companyId]);

    const job = await services().bulkDelete.start(a.companyId, a.principal);
    // Provisioned after the request: outside the job's cutoff, so it survives.
    await seedDirectory(db, { companyId: a.companyId, prefix: 'late', users: 3 });
    const seen: BulkDeleteJobView[] = [];
    const watching = (async () => {
      const load = () => services().bulkDelete.findJob(a.companyId, job.id);
      for await (const state of watchBulkDeleteJob({ events, jobId: job.id, load })) seen.push(state);
    })();
    const worker = runner();
    await worker.start();
    const ended = await waitForEnd(a.companyId, job.id);
    await watching;
    await worker.stop();

    expect(ended).toMatchObject({ status: 'SUCCEEDED', total: 50, deleted: 50 });
    expect(ended.finishedAt).toBeInstanceOf(Date);
    expect(await count(`directory_user where company_id = $1 and source = 'SCIM'`, [a.companyId])).toBe(3);
    expect(await count(`directory_user where company_id = $1 and user_name like 'late%'`, [a.companyId])).toBe(3);
    expect(await count(`directory_user where company_id = $1 and source = 'MANUAL'`, [a.companyId])).toBe(5);
    expect(await count('directory_membership where company_id = $1', [a.companyId])).toBe(1); // mu2's
    expect(await count('directory_group where company_id = $1', [a.companyId])).toBe(5);
    const manual = (await db.query(`select attributes, version from directory_user where company_id = $1 and user_name = 'mu1'`, [a.companyId])).rows[0];
    expect(manual.attributes['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toEqual({});
    expect(manual.version).toBe(versionBefore + 1);

    expect(await count(`directory_user where company_id = $1`, [b.companyId])).toBe(20);
    expect(await count('directory_membership where company_id = $1', [b.companyId])).toBe(20);
    expect(await count(`directory_user where company_id = $1 and attributes #>> '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}' is not null`, [b.companyId])).toBe(1);

    const audit = await db.query(`select actor, action, detail from audit_entry where company_id = $1`, [a.companyId]);
    expect(audit.rows).toEqual([{ actor: a.principal.name, action: 'users.deleted-all', detail: { deleted: 50, restorable: true, jobId: job.id } }]);

    expect(seen[0]?.id).toBe(job.id);
    expect(seen.at(-1)).toMatchObject({ status: 'SUCCEEDED', deleted: 50 });
    expect(seen.length).toBeGreaterThan(3); // 50 users in batches of 7
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]!.deleted).toBeGreaterThanOrEqual(seen[i - 1]!.deleted);
  });

  it('runs batches side by side over consecutive ranges: every user deleted once, counted once, managers cleared across ranges', async () => {
    const a = await newCompany();
    await seedDirectory(db, { companyId: a.companyId, prefix: 's', users: 150, groupSize: 20 });
    // Each user reports to one 10 further on: most references cross into another batch's range.
    await db.query(`update directory_user u set attributes = jsonb_set(u.attributes, '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}',
        jsonb_build_object('manager', jsonb_build_object('value', m.id::text)), true)
      from directory_user m where u.company_id = $1 and m.company_id = $1
        and m.user_name = 'su' || (substring(u.user_name from 3)::int % 150 + 10)`, [a.companyId]);
    await seedDirectory(db, { companyId: a.companyId, prefix: 'm', users: 3, source: 'MANUAL' });
    await setManager(db, a.companyId, 'mu1', 'su150');
    // An IdP request holding a user mid-way (one without a manager: clearing a held user's
    // reference would wait for the request): its range skips it, the sweep waits for it.
    await db.query(`update directory_user set attributes = attributes - 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
      where company_id = $1 and user_name = 'su77'`, [a.companyId]);
    const holder = await db.connect();
    await holder.query('begin');
    await holder.query(`select id from directory_user where company_id = $1 and user_name = 'su77' for update`, [a.companyId]);
    const warnings: string[] = [];
    const watched = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const job = await services().bulkDelete.start(a.companyId, a.principal);
    const worker = runner({ parallelBatches: 3, logger: watched });
    await worker.start();
    // Rows one batch's manager clearing held are left to the sweep too, which may reach them only
    // after su77: wait until the job waits on the IdP's lock, then let it go.
    await expect.poll(async () => (await db.query(`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n, { timeout: 10_000 }).toBeGreaterThan(0);
    await holder.query('commit');
    holder.release();
    const ended = await waitForEnd(a.companyId, job.id);
    await worker.stop();

    expect(ended).toMatchObject({ status: 'SUCCEEDED', total: 150, deleted: 150 });
    expect(warnings).toEqual([]); // no batch failed (a deadlock would have been retried, and logged)
    expect(await count(`directory_user where company_id = $1 and source = 'SCIM'`, [a.companyId])).toBe(0);
    const { rows } = await db.query<{ events: number; users: number }>(`select count(*)::int as events, count(distinct resource_id)::int as users
      from directory_event where company_id = $1 and type = 'user.deleted'`, [a.companyId]);
    expect(rows[0]).toEqual({ events: 150, users: 150 });
    const manual = (await db.query(`select attributes from directory_user where company_id = $1 and user_name = 'mu1'`, [a.companyId])).rows[0];
    expect(manual.attributes['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toEqual({});
  });

  it('resumes a job whose runner died, once its lease ran out, and ends with the exact count', async () => {
    const a = await newCompany();
    await seedDirectory(db, { companyId: a.companyId, prefix: 's', users: 40, groupSize: 10 });
    const job = await services().bulkDelete.start(a.companyId, a.principal);
    // What a runner killed mid-way leaves behind: RUNNING, 12 deleted and counted, a stale heartbeat.
    await db.query(`delete from directory_user where id in (select id from directory_user where company_id = $1 order by id limit 12)`, [a.companyId]);
    await db.query(`update bulk_delete_job set status = 'RUNNING', claimed_by = 'dead', deleted = 12, heartbeat_at = now() - interval '2 seconds' where id = $1`, [job.id]);

    const worker = runner({ leaseMs: 1_000 });
    await worker.start();
    const ended = await waitForEnd(a.companyId, job.id);
    await worker.stop();
    expect(ended).toMatchObject({ status: 'SUCCEEDED', total: 40, deleted: 40 });
    expect(await count('directory_user where company_id = $1', [a.companyId])).toBe(0);
  });

  it('leaves a job whose lease is still live alone', async () => {
    const a = await newCompany();
    await seedDirectory(db, { companyId: a.companyId, prefix: 's', users: 10 });
    const job = await services().bulkDelete.start(a.companyId, a.principal);
    await db.query(`update bulk_delete_job set status = 'RUNNING', claimed_by = 'alive', heartbeat_at = now() where id = $1`, [job.id]);
    const worker = runner({ leaseMs: 60_000 });
    await worker.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await worker.idle();
    expect(await services().bulkDelete.findJob(a.companyId, job.id)).toMatchObject({ status: 'RUNNING', deleted: 0 });
    expect(await count('directory_user where company_id = $1', [a.companyId])).toBe(10);
    await worker.stop();
    await db.query(`update bulk_delete_job set status = 'FAILED' where id = $1`, [job.id]);
  });

  it('counts the job it runs (roster_bulk_delete_jobs_running) until the job has ended', async () => {
    const a = await newCompany();
    await seedDirectory(db, { companyId: a.companyId, prefix: 's', users: 10 });
    // An IdP request holding one user: the sweep waits for it, so the job is surely still running.
    const holder = await db.connect();
    await holder.query('begin');
    await holder.query(`select id from directory_user where company_id = $1 and user_name = 'su1' for update`, [a.companyId]);
    const job = await services().bulkDelete.start(a.companyId, a.principal);
    const worker = runner();
    expect(worker.running()).toBe(0);
    await worker.start();
    await expect.poll(() => worker.running()).toBe(1);
    await holder.query('commit');
    holder.release();
    expect(await waitForEnd(a.companyId, job.id)).toMatchObject({ status: 'SUCCEEDED', deleted: 10 });
    await worker.idle();
    expect(worker.running()).toBe(0);
    await worker.stop();
  });
});
