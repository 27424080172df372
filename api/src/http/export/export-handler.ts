import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import type { Sql } from '../../db/sql.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../db/database-unavailable.js';
import { DomainError } from '../../domain/domain-error.js';
import { authenticate, CSRF_HEADER, presentedCredential, UNAUTHENTICATED_MESSAGES } from '../../modules/access/credentials.js';
import type { Logger } from '../../logger.js';
import type { Principal } from '../../modules/access/principal.js';
import { createServices, type Services } from '../../services.js';
import type { NoteCompany } from '../access-log.js';
import type { Handler } from '../router.js';
import { ClientGone, writeWithBackpressure } from '../backpressure.js';
import { activityExport, auditExport, groupsExport, usersExport, type CsvExport } from './export-sources.js';

export const EXPORT_PREFIX = '/export/';

type Source = (services: Services, companyId: string, query: URLSearchParams) => CsvExport;

const SOURCES: Record<string, Source> = {
  'users.csv': usersExport, 'groups.csv': groupsExport, 'activity.csv': activityExport, 'audit.csv': auditExport,
};

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * The GraphQL API's credentials and rules: an API token, or the session cookie with the CSRF
 * header (a cross-site link could otherwise start a download with the operator's cookie).
 */
async function principalFor(
  req: IncomingMessage, res: ServerResponse, services: Services, noteCompany: NoteCompany,
): Promise<Principal | undefined> {
  const { authorization, cookie } = req.headers;
  const credential = presentedCredential(authorization, cookie);
  if (credential === 'session' && !req.headers[CSRF_HEADER]) {
    refuse(res, 403, 'FORBIDDEN', `Missing the ${CSRF_HEADER} header; send "${CSRF_HEADER}: 1" with the session cookie, or Authorization: Bearer <API token>`);
    return undefined;
  }
  const principal = credential === 'none' ? null : await authenticate(services, authorization, cookie);
  if (!principal) {
    refuse(res, 401, 'UNAUTHENTICATED', UNAUTHENTICATED_MESSAGES[credential]);
    return undefined;
  }
  noteCompany(req, principal.companySlug);
  if (!principal.permissions.includes('iam:read')) {
    refuse(res, 403, 'FORBIDDEN', 'Exports need the iam:read permission');
    return undefined;
  }
  return principal;
}

/** GET /export/{users,groups,activity,audit}.csv, streamed in keyset batches. */
export function createExportHandler({ orm, sql, config, logger, noteCompany }: { orm: Orm; sql: Sql; config: Config; logger: Logger; noteCompany: NoteCompany }): Handler {
  return async (req, res, url, requestId) => {
    const name = url.pathname.slice(EXPORT_PREFIX.length);
    const source = SOURCES[name];
    if (!source) return refuse(res, 404, 'NOT_FOUND', `No export at ${url.pathname}; there are ${Object.keys(SOURCES).join(', ')}`);
    if (req.method !== 'GET') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Exports are read with GET', { allow: 'GET' });
    try {
      const services = createServices(orm.em.fork(), sql, config);
      const principal = await principalFor(req, res, services, noteCompany);
      if (principal) await send(res, name, source(services, principal.companyId, url.searchParams));
    } catch (error) {
      failed(res, error, requestId, logger);
    }
  };
}

/** The first batch is read before the headers go out, so a bad filter is still a clean 400. */
async function send(res: ServerResponse, name: string, chunks: CsvExport): Promise<void> {
  const first = await chunks.next();
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (!first.done) await writeWithBackpressure(res, first.value);
  for await (const chunk of chunks) await writeWithBackpressure(res, chunk);
  res.end();
}

function failed(res: ServerResponse, error: unknown, requestId: string, logger: Logger): void {
  if (error instanceof ClientGone) return;
  if (res.headersSent) {
    // Mid-stream the status is gone; an aborted body is how the client learns the file is incomplete.
    logger.error({ err: error, requestId }, 'export failed while streaming');
    res.destroy();
    return;
  }
  if (error instanceof DomainError) return refuse(res, 400, error.kind, error.message);
  if (isDatabaseUnavailable(error)) {
    return refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; retry later', { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
  logger.error({ err: error, requestId }, 'export failed');
  refuse(res, 500, 'INTERNAL_SERVER_ERROR', `Unexpected error (request id ${requestId})`);
}
