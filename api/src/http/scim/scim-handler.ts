import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config.js';
import type { Sql } from '../../db/sql.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Logger } from '../../logger.js';
import { createActivityRecorder } from '../../modules/activity/activity-recorder.js';
import { EXPIRED_TOKEN, createScimTokenAuth, type ScimCaller } from '../../modules/access/scim-token-auth.js';
import { followScimAuthChanges, type ScimCallerCache } from '../../modules/access/scim-caller-cache.js';
import { bearerToken } from '../../modules/access/credentials.js';
import { companyIdBySlug } from '../../modules/companies/company-by-slug.js';
import { scimBaseUrl } from '../../modules/companies/company.service.js';
import { createDirectoryService } from '../../modules/directory/directory.service.js';
import { ScimError } from '../../scim/errors.js';
import type { Metrics } from '../metrics.js';
import type { Handler } from '../router.js';
import { SCIM_PREFIX } from '../router.js';
import { readScimBody } from './scim-body.js';
import { settleUnreadBody } from '../unread-body.js';
import { assertScimAccepted } from './scim-gate.js';
import { createTurns, paced } from './scim-admission.js';
import { createSlots } from '../../domain/slots.js';
import { createScimRateLimiter } from './rate-limit.js';
import { writeScimError, writeScimReply } from './scim-reply.js';
import { matchRoute, type ScimMethod, type ScimReply } from './scim-route.js';
import { scimRoutes } from './scim-routes.js';
import { describeRequest, metricOperation, type Outcome } from './scim-activity.js';

export interface ScimHandlerDeps {
  sql: Sql;
  config: Config;
  logger: Logger;
  events: EventBus;
  /** The app's cache of authenticated SCIM callers (app.ts owns it; services forget from it). */
  scimCallers: ScimCallerCache;
  metrics?: Pick<Metrics, 'countScim'>;
  /** After a write answered: its events are committed (the directory events' wake-up). */
  onDirectoryWrite?: () => void;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const MAX_KNOWN_COMPANIES = 10_000;

/** The SCIM REST edge: authenticate, gate, parse, dispatch, reply, and record the outcome. */
export function createScimHandler({ sql, config, logger, events, scimCallers, metrics, onDirectoryWrite }: ScimHandlerDeps) {
  // Stateless over the shared pool: one for all requests, no entity manager fork per request.
  const directory = paced(createDirectoryService(sql, config), createTurns());
  const knownCompanies = new Map<string, string>();
  const rateLimiter = createScimRateLimiter(config.scimRateLimit);
  const recorder = createActivityRecorder({ sql, events, logger, retentionPerCompany: config.activityRetentionPerCompany });
  const authenticateScimToken = createScimTokenAuth(sql, scimCallers);
  const unfollow = followScimAuthChanges(events, scimCallers).catch((error: unknown) => {
    logger.error({ err: error }, 'cannot follow SCIM token changes; cached tokens expire within seconds instead');
    return async () => undefined;
  });

  async function dispatch(req: IncomingMessage, url: URL, caller: ScimCaller, segments: string[]): Promise<ScimReply> {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = matchRoute(scimRoutes, segments);
    if (!match) throw new ScimError(404, undefined, `No SCIM endpoint at /${segments.join('/')}`);
    const endpoint = match.route.methods[method as ScimMethod];
    if (!endpoint) {
      throw Object.assign(new ScimError(405, undefined, `${method} is not supported on /${segments.join('/')}`), {
        allow: Object.keys(match.route.methods).join(', '),
      });
    }
    const body = BODY_METHODS.has(method) ? await readScimBody(req, config.scimMaxBodyBytes) : undefined;
    return endpoint.handle({
      method,
      segments,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body,
      caller,
      baseUrl: scimBaseUrl(config.publicUrl, caller.slug),
      directory,
      config,
    });
  }

  // At most SCIM_MAX_CONCURRENCY run at once, so one turn of the event loop never holds more than
  // a few requests' serialisation and /healthz is answered between them; up to SCIM_MAX_IN_FLIGHT
  // wait their turn in arrival order; beyond that a request is refused before it costs a query.
  const admission = createSlots(config.scimMaxConcurrency, config.scimMaxInFlight);

  const handle: Handler = async (req, res, url, requestId) => {
    const admitted = admission.enter();
    // Not recorded as activity: finding the company would cost the query that shedding saves.
    if (!admitted) return shed(req, res, requestId);
    const release = await admitted;
    try {
      const record = await serve(req, res, url, requestId);
      // The slot is free once the answer is written, not once the activity row is queued.
      release();
      await record();
    } finally {
      release();
    }
  };

  async function shed(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    await settleUnreadBody(req, res, config.scimMaxBodyBytes);
    const error = new ScimError(503, undefined, 'Roster is busy; retry after the number of seconds in Retry-After');
    writeScimError(res, Object.assign(error, { retryAfterSeconds: config.scimRetryAfterSeconds }), requestId, logger);
  }

  /** Answers the request; resolves with the recording of its outcome, still to be run. */
  async function serve(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<() => Promise<void>> {
    const started = performance.now();
    const [slug = '', ...segments] = url.pathname.slice(SCIM_PREFIX.length).split('/').filter(Boolean);
    let caller: ScimCaller | null = null;
    let outcome: Outcome;
    try {
      const token = bearerToken(req.headers.authorization);
      const authenticated = token ? await authenticateScimToken(slug, token) : null;
      if (authenticated === EXPIRED_TOKEN) {
        throw new ScimError(401, undefined, 'The SCIM bearer token has expired; create or rotate a token in Roster and update the IdP');
      }
      caller = authenticated;
      if (!caller) throw new ScimError(401, undefined, 'Missing, invalid or revoked SCIM bearer token');
      rememberCompany(caller);
      assertScimAccepted(caller, config.scimEnabled);
      rateLimiter.assertWithinRateLimit(caller);
      const reply = await dispatch(req, url, caller, segments);
      await writeScimReply(res, reply, config.scimStreamStallSeconds * 1000);
      if (req.method !== 'GET' && reply.status < 400) onDirectoryWrite?.();
      outcome = {
        status: reply.status, resourceType: reply.resourceType, resourceId: reply.resourceId,
        resourceName: reply.resourceName, changedAttributes: reply.changedAttributes,
      };
    } catch (error) {
      await settleUnreadBody(req, res, config.scimMaxBodyBytes);
      outcome = writeScimError(res, error, requestId, logger);
    }
    const durationMs = performance.now() - started;
    return () => recordOutcome(req, url, slug, segments, caller, outcome, durationMs);
  }

  async function recordOutcome(
    req: IncomingMessage, url: URL, slug: string, segments: string[], caller: ScimCaller | null, outcome: Outcome, durationMs: number,
  ) {
    const companyId = caller?.companyId ?? (await companyIdForSlug(slug));
    const described = describeRequest(req.method ?? 'GET', segments, outcome);
    // Only slugs of real companies become label values, so random paths cannot grow the series.
    metrics?.countScim(companyId ? slug : 'unknown', metricOperation(described.operation, segments), outcome.status);
    if (!companyId) return;
    recorder.record({
      companyId,
      occurredAt: new Date(),
      tokenId: caller?.tokenId ?? null,
      tokenLabel: caller?.tokenLabel ?? null,
      userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      durationMs,
      ...described,
    });
  }

  /**
   * Whose request it was, for its activity row. While the database is away the slugs of callers
   * seen before still name their company, so an IdP's refused requests are recorded (and kept).
   */
  async function companyIdForSlug(slug: string): Promise<string | undefined> {
    try {
      return await companyIdBySlug(sql, slug);
    } catch {
      return knownCompanies.get(slug);
    }
  }

  function rememberCompany(caller: ScimCaller): void {
    if (knownCompanies.size >= MAX_KNOWN_COMPANIES) knownCompanies.clear();
    knownCompanies.set(caller.slug, caller.companyId);
  }

  async function stop(): Promise<void> {
    await (await unfollow)();
    await recorder.stop();
  }

  return { handle, stop, activityStats: recorder.stats };
}
