/**
 * "The database cannot be reached right now" as opposed to "this statement is wrong": the first
 * is the caller's cue to retry later (SCIM 503, GraphQL SERVICE_UNAVAILABLE), the second a bug
 * or bad input. Both protocols and the background tasks ask this one function.
 */

/** Seconds a client is told to wait (SCIM Retry-After); a restart or failover takes about this long. */
export const RETRY_AFTER_SECONDS = 2;

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = [
  /connection terminated/i,
  /terminating connection due to administrator command/i,
  /not queryable/i,
  /timeout acquiring a connection/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];
const NAMES = new Set(['KnexTimeoutError', 'ConnectionException']);

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

function isUnavailableHere(error: ErrorLike): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof error.name === 'string' && NAMES.has(error.name)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return MESSAGES.some((pattern) => pattern.test(message));
}

/** Looks through wrappers (MikroORM exceptions, GraphQLError, AggregateError of several addresses). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as ErrorLike;
  if (isUnavailableHere(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.originalError, depth + 1);
}
