import { uniqueViolation } from '../../db/sql.js';
import { DomainError } from '../../domain/domain-error.js';
import { acceptedVersions, ifMatchAllows, type AcceptedVersions } from '../../scim/etag.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notFound(kind: 'User' | 'Group', id: string): DomainError {
  return new DomainError(kind === 'User' ? 'USER_NOT_FOUND' : 'GROUP_NOT_FOUND', `${kind} ${id} not found`);
}

/** If-Match: a weak or strong ETag of the current version, or "*" (RFC 7644 §3.14). */
export function assertVersion(current: number, ifMatch: string | undefined): void {
  if (!ifMatchAllows(ifMatch, current)) {
    throw new DomainError('VERSION_MISMATCH', 'The resource changed since it was read (If-Match does not match its version)');
  }
}

export async function withUniqueness<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new DomainError('NAME_TAKEN', `${what} is already taken`);
    throw error;
  }
}

const ATTEMPTS = 3;

/**
 * Runs one statement guarded by the row's version instead of a transaction holding a row lock
 * (a BEGIN, a SELECT … FOR UPDATE and a COMMIT fewer per request). When the statement touches
 * nothing, a read tells why: the row is gone (404) or If-Match names another version (412). If
 * the precondition has come true in between, the statement is simply tried again.
 */
export async function guardedByVersion<T>(
  target: { kind: 'User' | 'Group'; id: string; ifMatch: string | undefined },
  statement: (accepted: AcceptedVersions) => Promise<T | undefined>,
  currentVersion: () => Promise<number | undefined>,
): Promise<T> {
  if (!UUID.test(target.id)) throw notFound(target.kind, target.id);
  for (let attempt = 1; ; attempt += 1) {
    const result = await statement(acceptedVersions(target.ifMatch));
    if (result !== undefined) return result;
    const version = await currentVersion();
    if (version === undefined) throw notFound(target.kind, target.id);
    assertVersion(version, target.ifMatch);
    if (attempt === ATTEMPTS) {
      throw new DomainError('VERSION_MISMATCH', 'The resource kept changing while it was written; read it again and retry');
    }
  }
}
