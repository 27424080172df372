import { DomainError } from '../../domain/domain-error.js';

const DAY_MS = 86_400_000;

/** The lifetimes a new SCIM token may be given. */
export const SCIM_TOKEN_EXPIRIES = { NEVER: null, DAYS_90: 90, YEAR_1: 365 } as const;
export type ScimTokenExpiry = keyof typeof SCIM_TOKEN_EXPIRIES;

export const DEFAULT_ROTATION_GRACE_DAYS = 7;
const MAX_ROTATION_GRACE_DAYS = 90;
/** Tokens expiring within this many days are announced on the overview and the SAML/OAuth screen. */
export const EXPIRY_WARNING_DAYS = 20;

export function expiryDate(expiry: ScimTokenExpiry, from: Date): Date | null {
  const days = SCIM_TOKEN_EXPIRIES[expiry];
  return days === null ? null : new Date(from.getTime() + days * DAY_MS);
}

/** The old token's end after a rotation: the grace period's end, unless it would expire sooner anyway. */
export function graceEnd(graceDays: number, currentExpiry: Date | null, now: Date): Date {
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > MAX_ROTATION_GRACE_DAYS) {
    throw new DomainError('INVALID_INPUT', `The grace period is a whole number of days from 0 to ${MAX_ROTATION_GRACE_DAYS}`);
  }
  const end = new Date(now.getTime() + graceDays * DAY_MS);
  return currentExpiry && currentExpiry < end ? currentExpiry : end;
}

/** A successor lives as long as its predecessor was meant to (a never-expiring token's successor never expires). */
export function successorExpiry(createdAt: Date, expiresAt: Date | null, now: Date): Date | null {
  return expiresAt ? new Date(now.getTime() + (expiresAt.getTime() - createdAt.getTime())) : null;
}

export const warningHorizon = (now: Date) => new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS);
