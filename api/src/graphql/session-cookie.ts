import type { ServerResponse } from 'node:http';
import { DomainError } from '../domain/domain-error.js';
import { SESSION_COOKIE } from '../modules/access/credentials.js';

/**
 * HttpOnly keeps the session away from scripts; SameSite=Lax keeps it off cross-site
 * sub-requests (the CSRF header covers the rest); Secure whenever PUBLIC_URL is https. No
 * Max-Age: the browser drops it with the browser session, the server expires it regardless.
 */
function cookie(value: string, secure: boolean, maxAge?: number): string {
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Only an HTTP response can carry a cookie; sign-in over WebSocket is refused up front. */
export function requireHttpResponse(res: ServerResponse | undefined): ServerResponse {
  if (!res) throw new DomainError('INVALID_INPUT', 'Sign in over HTTP (POST /graphql), not over WebSocket');
  return res;
}

export function setSessionCookie(res: ServerResponse, secret: string, secure: boolean): void {
  res.appendHeader('set-cookie', cookie(secret, secure));
}

export function clearSessionCookie(res: ServerResponse | undefined, secure: boolean): void {
  res?.appendHeader('set-cookie', cookie('', secure, 0));
}
