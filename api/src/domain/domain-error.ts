/** The kinds of failure a caller can act on; each protocol renders them in its own format. */
export type ErrorKind = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | 'TOO_MANY_REQUESTS';

const KINDS = {
  INVALID_INPUT: 'BAD_USER_INPUT',
  INVALID_SLUG: 'BAD_USER_INPUT',
  INVALID_PERMISSION: 'BAD_USER_INPUT',
  COMPANY_NOT_FOUND: 'NOT_FOUND',
  TOKEN_NOT_FOUND: 'NOT_FOUND',
  OPERATOR_NOT_FOUND: 'NOT_FOUND',
  JOB_NOT_FOUND: 'NOT_FOUND',
  WEBHOOK_NOT_FOUND: 'NOT_FOUND',
  EVENT_NOT_FOUND: 'NOT_FOUND',
  USER_NOT_FOUND: 'NOT_FOUND',
  GROUP_NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_MEMBER: 'BAD_USER_INPUT',
  NAME_TAKEN: 'CONFLICT',
  /** The caller's If-Match names another version than the stored one (SCIM answers 412). */
  VERSION_MISMATCH: 'CONFLICT',
  WEBHOOK_DISABLED: 'CONFLICT',
  /** Too many deprovisionings in the window: refused until an operator releases (SCIM answers 503). */
  DEPROVISIONING_GUARD_TRIPPED: 'CONFLICT',
  SLUG_TAKEN: 'CONFLICT',
  JOB_RUNNING: 'CONFLICT',
  NOT_RESTORABLE: 'CONFLICT',
  TOKEN_NOT_ROTATABLE: 'CONFLICT',
  EMAIL_TAKEN: 'CONFLICT',
  SCIM_PLATFORM_DISABLED: 'CONFLICT',
  ENTRA_ID_CONFLICT: 'CONFLICT',
  SIGN_IN_FAILED: 'UNAUTHENTICATED',
  SIGN_IN_THROTTLED: 'TOO_MANY_REQUESTS',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const satisfies Record<string, ErrorKind>;

export type DomainErrorCode = keyof typeof KINDS;

export class DomainError extends Error {
  readonly kind: ErrorKind;

  /** `retryAfterSeconds`: when the caller may usefully try again, where the protocol can say so. */
  constructor(readonly code: DomainErrorCode, message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'DomainError';
    this.kind = KINDS[code];
  }
}

export function assertFound<T>(value: T | null | undefined, code: DomainErrorCode, message: string): T {
  if (value === null || value === undefined) throw new DomainError(code, message);
  return value;
}
