import type { Principal } from './principal.js';

/** How callers present themselves over HTTP, read the same way by every edge (GraphQL, SCIM, exports, metrics). */

export const SESSION_COOKIE = 'roster_session';

/** The header the console sends on every cookie-authenticated HTTP request (any non-empty value); see graphql/csrf-prevention.ts. */
export const CSRF_HEADER = 'x-graphql-csrf';

/** Whoever can turn a presented credential into a principal. */
export interface Authenticators {
  tokens: { authenticateApiToken(token: string): Promise<Principal | null> };
  operators: { authenticateSession(session: string): Promise<Principal | null> };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}

/** What the caller presented, so a refusal can say which credential failed. */
export type PresentedCredential = 'apiToken' | 'session' | 'none';

// An integrator whose token was refused must not be told to sign in: the token is the problem.
export const UNAUTHENTICATED_MESSAGES: Record<PresentedCredential, string> = {
  apiToken: 'The API token is invalid or revoked',
  session: 'The session has ended or is invalid; sign in again',
  none: 'Sign in first, or send Authorization: Bearer <API token>',
};

export function presentedCredential(authorization: string | undefined, cookieHeader: string | undefined): PresentedCredential {
  if (bearerToken(authorization)) return 'apiToken';
  return readCookie(cookieHeader, SESSION_COOKIE) ? 'session' : 'none';
}

/** An API token in `Authorization` wins over a session cookie; neither means anonymous. */
export async function authenticate(
  services: Authenticators,
  authorization: string | undefined,
  cookieHeader: string | undefined,
): Promise<Principal | null> {
  const token = bearerToken(authorization);
  if (token) return services.tokens.authenticateApiToken(token);
  const session = readCookie(cookieHeader, SESSION_COOKIE);
  return session ? services.operators.authenticateSession(session) : null;
}
