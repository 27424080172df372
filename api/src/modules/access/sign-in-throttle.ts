import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
// Failures further apart than this do not add up; a locked row outlives it by LOCK_MINUTES.
const WINDOW_MINUTES = 15;
const FORGET_AFTER_HOURS = 24;

/**
 * Failed sign-ins counted per email address, known or not: a lock-out that only existing
 * operators could earn would tell an attacker which addresses have accounts.
 */
export function createSignInThrottle(db: Sql) {
  async function isLocked(email: string): Promise<boolean> {
    const rows = await db.query(sql`select 1 from sign_in_throttle where email = ${email} and locked_until > now()`);
    return rows.length > 0;
  }

  async function recordFailure(email: string): Promise<void> {
    await db.query(
      sql`insert into sign_in_throttle as t (email, failures, last_failure_at) values (${email}, 1, now())
       on conflict (email) do update set
         failures = case when t.last_failure_at < now() - make_interval(mins => ${WINDOW_MINUTES}) then 1 else t.failures + 1 end,
         last_failure_at = now()`,
    );
    await db.query(
      sql`update sign_in_throttle set locked_until = now() + make_interval(mins => ${LOCK_MINUTES}), failures = 0
       where email = ${email} and failures >= ${MAX_FAILURES}`,
    );
    await db.query(
      sql`delete from sign_in_throttle
       where last_failure_at < now() - make_interval(hours => ${FORGET_AFTER_HOURS}) and (locked_until is null or locked_until < now())`,
    );
  }

  async function recordSuccess(email: string): Promise<void> {
    await db.query(sql`delete from sign_in_throttle where email = ${email}`);
  }

  return { isLocked, recordFailure, recordSuccess };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
