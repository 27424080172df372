import type { Sql } from '../../db/sql.js';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
// Failures further apart than this do not add up; a locked row outlives it by LOCK_MINUTES.
const WINDOW_MINUTES = 15;
const FORGET_AFTER_HOURS = 24;

/**
 * Failed sign-ins counted per email address, known or not: a lock-out that only existing
 * operators could earn would tell an attacker which addresses have accounts.
 */
export function createSignInThrottle(sql: Sql) {
  async function isLocked(email: string): Promise<boolean> {
    const rows = await sql.query(
      'select 1 from sign_in_throttle where email = ? and locked_until > now()',
      [email],
    );
    return rows.length > 0;
  }

  async function recordFailure(email: string): Promise<void> {
    await sql.query(
      `insert into sign_in_throttle as t (email, failures, last_failure_at) values (?, 1, now())
       on conflict (email) do update set
         failures = case when t.last_failure_at < now() - make_interval(mins => ?) then 1 else t.failures + 1 end,
         last_failure_at = now()`,
      [email, WINDOW_MINUTES],
    );
    await sql.query(
      `update sign_in_throttle set locked_until = now() + make_interval(mins => ?), failures = 0
       where email = ? and failures >= ?`,
      [LOCK_MINUTES, email, MAX_FAILURES],
    );
    await sql.query(
      `delete from sign_in_throttle
       where last_failure_at < now() - make_interval(hours => ?) and (locked_until is null or locked_until < now())`,
      [FORGET_AFTER_HOURS],
    );
  }

  async function recordSuccess(email: string): Promise<void> {
    await sql.query('delete from sign_in_throttle where email = ?', [email]);
  }

  return { isLocked, recordFailure, recordSuccess };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
