import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { DomainError } from '../../domain/domain-error.js';
import { OperatorSession } from './operator-session.entity.js';
import { Operator } from './operator.entity.js';
import { isPermission, type Permission } from './permissions.js';
import type { Principal } from './principal.js';
import { generateToken, hashPassword, hashToken, verifyPassword } from './secrets.js';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const MAX_FAILED_SIGN_INS = 5;
const LOCK_MS = 15 * 60 * 1000;
const MIN_PASSWORD_LENGTH = 12;
// Verified against when the email is unknown, so a miss costs as long as a wrong password.
const DECOY_HASH = hashPassword('decoy-password-for-timing');

const email = z.email();

export function createOperatorService({ em }: { em: EntityManager }) {
  async function createOperator(companyId: string, address: string, password: string, permissions: Permission[]) {
    if (!email.safeParse(address).success) throw new DomainError('INVALID_INPUT', `Invalid email "${address}"`);
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new DomainError('INVALID_INPUT', `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`);
    }
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
    const operator = await em.findOne(Operator, { email: address.toLowerCase() });
    if (!operator) {
      await verifyPassword(password, await DECOY_HASH);
      throw new DomainError('SIGN_IN_FAILED', 'Wrong email or password');
    }
    if (operator.lockedUntil && operator.lockedUntil > new Date()) {
      throw new DomainError('SIGN_IN_THROTTLED', 'Too many failed sign-ins; try again in a few minutes');
    }
    if (!(await verifyPassword(password, operator.passwordHash))) {
      await recordFailure(operator);
      throw new DomainError('SIGN_IN_FAILED', 'Wrong email or password');
    }
    operator.failedSignIns = 0;
    operator.lockedUntil = null;
    const token = generateToken('session');
    const session = em.create(OperatorSession, {
      tokenHash: token.hash,
      operator,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    await em.flush();
    return { secret: token.secret, principal: toPrincipal(operator, session.id) };
  }

  async function recordFailure(operator: Operator): Promise<void> {
    operator.failedSignIns += 1;
    if (operator.failedSignIns >= MAX_FAILED_SIGN_INS) {
      operator.lockedUntil = new Date(Date.now() + LOCK_MS);
      operator.failedSignIns = 0;
    }
    await em.flush();
  }

  async function authenticateSession(secret: string): Promise<Principal | null> {
    const session = await em.findOne(
      OperatorSession,
      { tokenHash: hashToken(secret), expiresAt: { $gt: new Date() } },
      { populate: ['operator'] },
    );
    return session ? toPrincipal(session.operator, session.id) : null;
  }

  async function signOut(sessionId: string): Promise<void> {
    await em.nativeDelete(OperatorSession, { id: sessionId });
  }

  return { createOperator, signIn, authenticateSession, signOut };
}

function toPrincipal(operator: Operator, sessionId: string): Principal {
  return {
    kind: 'operator',
    id: operator.id,
    companyId: typeof operator.company === 'string' ? operator.company : operator.company.id,
    name: operator.email,
    permissions: operator.permissions.filter(isPermission),
    sessionId,
  };
}

export type OperatorService = ReturnType<typeof createOperatorService>;
