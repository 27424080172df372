import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError } from '../../domain/domain-error.js';
import { OperatorSession } from './operator-session.entity.js';
import { Operator } from './operator.entity.js';
import { isPermission, type Permission } from './permissions.js';
import type { Principal } from './principal.js';
import { assertPassword, generateToken, hashPassword, hashToken, verifyPassword } from './secrets.js';
import { createOperatorAdmin } from './operator-admin.js';
import { createSignInThrottle } from './sign-in-throttle.js';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// Verified against when the email is unknown, so a miss costs as long as a wrong password.
const DECOY_HASH = hashPassword('decoy-password-for-timing');

const email = z.email();
// RFC 5321's longest address. A longer one has no account, and as a throttle key it could exceed
// what the sign_in_throttle primary key can index, failing the insert.
const MAX_EMAIL_LENGTH = 254;

export function createOperatorService({ em, sql: db }: { em: EntityManager; sql: Sql }) {
  const throttle = createSignInThrottle(db);

  async function createOperator(companyId: string, address: string, password: string, permissions: Permission[]) {
    if (!email.safeParse(address).success) throw new DomainError('INVALID_INPUT', `Invalid email "${address}"`);
    assertPassword(password);
    const operator = em.create(Operator, {
      company: companyId,
      email: address.toLowerCase(),
      passwordHash: await hashPassword(password),
      permissions,
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new DomainError('EMAIL_TAKEN', `An operator ${address} already exists`);
      }
      throw error;
    }
    return operator;
  }

  /** Returns the new session's secret (for the cookie) and the principal it stands for. */
  async function signIn(address: string, password: string): Promise<{ secret: string; principal: Principal }> {
    const key = address.trim().toLowerCase();
    if (key.length > MAX_EMAIL_LENGTH) {
      throw new DomainError('INVALID_INPUT', `An email address has at most ${MAX_EMAIL_LENGTH} characters`);
    }
    if (await throttle.isLocked(key)) {
      throw new DomainError('SIGN_IN_THROTTLED', 'Too many failed sign-ins; try again in a few minutes');
    }
    const operator = await em.findOne(Operator, { email: key }, { populate: ['company'] });
    const verified = await verifyPassword(password, operator?.passwordHash ?? (await DECOY_HASH));
    if (!operator || !verified) {
      await throttle.recordFailure(key);
      throw new DomainError('SIGN_IN_FAILED', 'Wrong email or password');
    }
    await throttle.recordSuccess(key);
    const token = generateToken('session');
    const session = em.create(OperatorSession, {
      tokenHash: token.hash,
      operator,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    await em.flush();
    return { secret: token.secret, principal: toPrincipal(operator, session.id) };
  }

  // Every console request passes here: one indexed query, no entity hydration.
  async function authenticateSession(secret: string): Promise<Principal | null> {
    const rows = await db.query<{ session_id: string; id: string; company_id: string; slug: string; email: string; permissions: string[] }>(
      sql`select s.id as session_id, o.id, o.company_id, c.slug, o.email, o.permissions
         from operator_session s join operator o on o.id = s.operator_id join company c on c.id = o.company_id
        where s.token_hash = ${hashToken(secret)} and s.expires_at > now()`,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      kind: 'operator',
      id: row.id,
      companyId: row.company_id,
      companySlug: row.slug,
      name: row.email,
      permissions: row.permissions.filter(isPermission),
      sessionId: row.session_id,
    };
  }

  async function signOut(sessionId: string): Promise<void> {
    await em.nativeDelete(OperatorSession, { id: sessionId });
  }

  return { createOperator, signIn, authenticateSession, signOut, ...createOperatorAdmin(em) };
}

function toPrincipal(operator: Operator, sessionId: string): Principal {
  return {
    kind: 'operator',
    id: operator.id,
    companyId: operator.company.id,
    companySlug: operator.company.slug,
    name: operator.email,
    permissions: operator.permissions.filter(isPermission),
    sessionId,
  };
}

export type OperatorService = ReturnType<typeof createOperatorService>;
