/**
 * Every event channel, named once. TypeScript publishes with EventBus.publish/publishMany and
 * listens with followChannel or streamChannel (events/event-stream.ts; lint keeps EventBus.subscribe
 * inside events/); SQL that notifies in the same statement as its change builds its pg_notify with
 * `notifyInSql`. The scim_auth trigger
 * (migration scim_auth_notify) cannot import this file: channels.test.ts checks its text instead.
 */

/** A token or a company's SCIM access changed: every replica forgets that company's cached callers. */
export const SCIM_AUTH_CHANNEL = 'scim_auth';

/** A bulk-delete job was queued: wakes every replica's runner at once. */
export const BULK_DELETE_QUEUED_CHANNEL = 'bulk-delete:queued';

/**
 * Directory events were committed: wakes every replica's webhook worker and live event streams.
 * Published from TypeScript after the write answered, never from the outbox triggers (a NOTIFY
 * there would serialise all writing transactions' commits behind PostgreSQL's notify lock).
 */
export const DIRECTORY_EVENTS_CHANNEL = 'directory-events';

const BULK_DELETE_PROGRESS = 'bulk-delete:';
const BULK_DELETE_COMPANY_JOBS = 'bulk-delete-company:';
const ACTIVITY = 'activity:';

/** One bulk-delete job's progress (its view as JSON). */
export const bulkDeleteProgressChannel = (jobId: string) => `${BULK_DELETE_PROGRESS}${jobId}`;

/** A company's jobs as they are queued, so every open console of the company can follow one. */
export const bulkDeleteCompanyJobsChannel = (companyId: string) => `${BULK_DELETE_COMPANY_JOBS}${companyId}`;

/** One company's new provisioning events. */
export const activityChannel = (companyId: string) => `${ACTIVITY}${companyId}`;

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The channel names above as SQL expressions, for statements that notify as they change rows. */
export const channelSql = {
  bulkDeleteQueued: literal(BULK_DELETE_QUEUED_CHANNEL),
  /** `jobId` is an SQL expression (a column), not a value. */
  bulkDeleteProgress: (jobId: string) => `${literal(BULK_DELETE_PROGRESS)} || ${jobId}`,
  /** `companyId` is an SQL expression (a column), not a value. */
  bulkDeleteCompanyJobs: (companyId: string) => `${literal(BULK_DELETE_COMPANY_JOBS)} || ${companyId}`,
};

/** The SQL-side publish: a pg_notify of a json expression on a channel expression from `channelSql`. */
export const notifyInSql = (channel: string, json: string) => `pg_notify(${channel}, (${json})::text)`;
