import type { EntityManager } from '@mikro-orm/postgresql';
import { assertFound } from '../../domain/domain-error.js';
import { AuditEntry } from '../companies/audit-entry.entity.js';
import { OperatorSession } from './operator-session.entity.js';
import { Operator } from './operator.entity.js';
import { SignInThrottle } from './sign-in-throttle.entity.js';
import { assertPassword, hashPassword } from './secrets.js';

export interface OperatorChange {
  email: string;
  sessionsEnded: number;
}

/** What an administrator with the CLI does for operators: list, reset a lost password, remove. */
export function createOperatorAdmin(em: EntityManager) {
  async function listOperators(companyId: string): Promise<Operator[]> {
    return em.find(Operator, { company: companyId }, { orderBy: { email: 'asc' } });
  }

  async function findOperator(tx: EntityManager, address: string): Promise<Operator> {
    const email = address.trim().toLowerCase();
    return assertFound(await tx.findOne(Operator, { email }), 'OPERATOR_NOT_FOUND', `No operator ${email}`);
  }

  /** New password, every session of the operator ended, lock-out lifted, one audit entry; all or nothing. */
  async function resetPassword(address: string, password: string, actor: string): Promise<OperatorChange> {
    assertPassword(password);
    const passwordHash = await hashPassword(password);
    return em.transactional(async (tx) => {
      const operator = await findOperator(tx, address);
      operator.passwordHash = passwordHash;
      const sessionsEnded = await tx.nativeDelete(OperatorSession, { operator });
      await tx.nativeDelete(SignInThrottle, { email: operator.email });
      tx.create(AuditEntry, {
        company: operator.company, actor, action: 'operator.password-reset', detail: { email: operator.email, sessionsEnded },
      });
      await tx.flush();
      return { email: operator.email, sessionsEnded };
    });
  }

  /** The operator and (by cascade) their sessions go; the audit entry stays with the company. */
  async function removeOperator(address: string, actor: string): Promise<OperatorChange> {
    return em.transactional(async (tx) => {
      const operator = await findOperator(tx, address);
      const sessionsEnded = await tx.count(OperatorSession, { operator });
      tx.create(AuditEntry, {
        company: operator.company, actor, action: 'operator.removed', detail: { email: operator.email, sessionsEnded },
      });
      tx.remove(operator);
      await tx.flush();
      return { email: operator.email, sessionsEnded };
    });
  }

  /** How many operators exist, and whether `email` is one of them (the start-up sign-in line). */
  async function operatorCensus(email: string): Promise<{ count: number; has: boolean }> {
    const [count, found] = await Promise.all([em.count(Operator, {}), em.count(Operator, { email: email.toLowerCase() })]);
    return { count, has: found > 0 };
  }

  return { listOperators, resetPassword, removeOperator, operatorCensus };
}
