import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { RouteFamily } from './metrics.js';
import { SCIM_PREFIX } from './router.js';

const SLUG = /^[a-z0-9-]{2,63}$/;

/** Lets a handler name the company a request acted for (GraphQL knows it only after authenticating). */
export type NoteCompany = (req: IncomingMessage, slug: string | undefined) => void;

export interface AccessLogEntry {
  req: IncomingMessage;
  res: ServerResponse;
  family: RouteFamily;
  pathname: string;
  requestId: string;
  seconds: number;
}

export type AccessLog = (entry: AccessLogEntry) => void;

// SCIM names its company in the path; only a well-formed slug is logged, never the rest of the URL.
function companyOf(noted: string | undefined, family: RouteFamily, pathname: string): string | undefined {
  if (noted || family !== 'scim') return noted;
  const slug = pathname.slice(SCIM_PREFIX.length).split('/')[0] ?? '';
  return SLUG.test(slug) ? slug : undefined;
}

/**
 * One line per HTTP request: method, route family, status, duration, company, request id. Never
 * headers, query strings or bodies, which is where tokens, cookies and passwords travel.
 */
export function createAccessLog(logger: Logger): { log: AccessLog; noteCompany: NoteCompany } {
  const companies = new WeakMap<IncomingMessage, string>();
  const noteCompany: NoteCompany = (req, slug) => void (slug && companies.set(req, slug));
  const log: AccessLog = ({ req, res, family, pathname, requestId, seconds }) => {
    logger.info(
      {
        requestId,
        method: req.method,
        family,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        company: companyOf(companies.get(req), family, pathname),
      },
      'request',
    );
  };
  return { log, noteCompany };
}
