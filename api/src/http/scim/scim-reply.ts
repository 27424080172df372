import type { ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import { SCIM_CONTENT_TYPE, ScimError, renderScimError } from '../../scim/errors.js';
import { DomainError } from '../../domain/domain-error.js';
import { RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../db/database-unavailable.js';
import type { ScimReply } from './scim-route.js';
import { ClientGone, writeWithBackpressure } from '../backpressure.js';
import type { Outcome } from './scim-activity.js';

const CONTENT_TYPE = `${SCIM_CONTENT_TYPE}; charset=utf-8`;

function writeWholeReply(res: ServerResponse, reply: Omit<ScimReply, 'stream'>): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['content-type'] = CONTENT_TYPE;
  headers['content-length'] = Buffer.byteLength(text);
  res.writeHead(reply.status, headers);
  res.end(text);
}

/**
 * Writes the reply, waiting on a slow client between chunks of a streamed body. A stream that fails
 * after the headers went out cuts the connection: a client must not take half a body for a whole
 * one. A client that went away, or read nothing for `stallMs`, ends the stream (and whatever it
 * holds) without an error.
 */
export async function writeScimReply(res: ServerResponse, reply: ScimReply, stallMs?: number): Promise<void> {
  if (!reply.stream) return writeWholeReply(res, reply);
  const chunks = reply.stream;
  try {
    res.writeHead(reply.status, { ...reply.headers, 'content-type': CONTENT_TYPE });
    for await (const chunk of chunks) await writeWithBackpressure(res, chunk, stallMs);
    res.end();
  } catch (error) {
    await chunks.return?.();
    res.destroy();
    if (!(error instanceof ClientGone)) throw error;
  }
}

/**
 * Domain failures become the SCIM error the RFC names for them, an unreachable database a 503 the
 * IdP retries (Entra and Okta both back off on 503 with Retry-After); anything else is a masked 500.
 */
export function toScimError(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) return new ScimError(503, undefined, 'The service is temporarily unavailable; retry later');
  if (!(error instanceof DomainError)) return error;
  // RFC 7644 §3.14: a failed If-Match is 412, where GraphQL sees a conflict like any other.
  if (error.code === 'VERSION_MISMATCH') return new ScimError(412, undefined, error.message);
  // The guard holds deprovisioning back for every IdP the way Entra's own threshold does: come back later.
  if (error.code === 'DEPROVISIONING_GUARD_TRIPPED') {
    return Object.assign(new ScimError(503, undefined, error.message), { retryAfterSeconds: error.retryAfterSeconds });
  }
  switch (error.kind) {
    case 'NOT_FOUND':
      return new ScimError(404, undefined, error.message);
    case 'CONFLICT':
      return new ScimError(409, 'uniqueness', error.message);
    case 'BAD_USER_INPUT':
      return new ScimError(400, 'invalidValue', error.message);
    default:
      return new ScimError(403, undefined, error.message);
  }
}

export function writeScimError(res: ServerResponse, raw: unknown, requestId: string, logger: Logger): Outcome {
  const error = toScimError(raw);
  if (!(error instanceof ScimError)) logger.error({ err: raw, requestId }, 'SCIM request failed');
  const { status, body } = renderScimError(error, requestId);
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="roster-scim"';
  // A 429 from the rate limit and a 503 from shedding say when to come back; any other 503 is an outage.
  const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (retryAfter) {
    headers['retry-after'] = String(retryAfter);
  } else if (status === 503) {
    logger.warn({ err: raw, requestId }, 'SCIM request refused: database unavailable');
    headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  }
  const allow = (error as { allow?: string }).allow;
  if (status === 405 && allow) headers['allow'] = allow;
  if (!res.headersSent) writeWholeReply(res, { status, body, headers });
  else res.end();
  const rendered = body as { scimType?: string; detail?: string };
  return { status, scimType: rendered.scimType, message: rendered.detail };
}
