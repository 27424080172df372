import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { Sql } from '../db/sql.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import { createServices, type SharedState } from '../services.js';
import { authenticate, presentedCredential } from '../modules/access/credentials.js';
import type { GraphqlContext, NoteCompany } from './context.js';
import { useCsrfPrevention } from './csrf-prevention.js';
import { maskUnexpected, useErrorRendering } from './errors.js';
import { createGraphiqlRenderer, graphiqlOptions } from './graphiql.js';
import { useQueryLimits } from './query-limits.js';
import { useRefusalMetrics, type RefusalCounter } from './refusal-metrics.js';
import { useTextInputGuard } from './text-input-guard.js';
import { useRequestParseErrors } from './request-parse-errors.js';
import { schema } from './schema.js';
import { attachGraphqlWebSocket } from './websocket.js';

export interface GraphqlDeps {
  orm: Orm;
  sql: Sql;
  config: Config;
  logger: Logger;
  events: EventBus;
  metrics: RefusalCounter;
  /** Names the company an HTTP request acted for, for the access log. */
  noteCompany: NoteCompany;
  /** What the per-request services share with the app (its SCIM caller cache). */
  shared: SharedState;
}

/** What each transport hands Yoga: the HTTP pair, or the WebSocket upgrade request and its connectionParams. */
export interface ServerContext {
  req: IncomingMessage;
  res?: ServerResponse;
  requestId: string;
  connectionParams?: Record<string, unknown>;
}

const MAX_BODY_BYTES = 100_000;

function createRosterYoga({ orm, sql, config, logger, events, metrics, noteCompany, shared }: GraphqlDeps) {
  return createYoga<ServerContext, GraphqlContext>({
    schema,
    graphqlEndpoint: '/graphql',
    logging: false,
    maskedErrors: { maskError: maskUnexpected },
    landingPage: false,
    graphiql: (request) => graphiqlOptions(request),
    renderGraphiQL: createGraphiqlRenderer(),
    multipart: false,
    cors: false,
    maxRequestBodySize: MAX_BODY_BYTES,
    plugins: [useCsrfPrevention(), useRequestParseErrors(), useQueryLimits(), useTextInputGuard(), useErrorRendering(logger), useRefusalMetrics(metrics)],
    // Runs per HTTP request and per WebSocket operation, so a signed-out session or a revoked
    // token stops working for the next operation on an open socket too.
    context: async ({ req, res, requestId, connectionParams }) => {
      const services = createServices(orm.em.fork(), sql, config, shared);
      const fromSocket = connectionParams?.authorization;
      const authorization = connectionParams ? (typeof fromSocket === 'string' ? fromSocket : undefined) : req.headers.authorization;
      const principal = await authenticate(services, authorization, req.headers.cookie);
      if (!connectionParams) noteCompany(req, principal?.companySlug);
      const credential = presentedCredential(authorization, req.headers.cookie);
      return { principal, credential, services, config, logger, events, requestId, req, res, noteCompany };
    },
  });
}

export type RosterYoga = ReturnType<typeof createRosterYoga>;

/** Yoga over HTTP and graphql-ws over WebSocket, on the same path and the same schema. */
export function createGraphqlServer(deps: GraphqlDeps) {
  const yoga = createRosterYoga(deps);
  const handle = (req: IncomingMessage, res: ServerResponse, _url: URL, requestId: string) => yoga.handle(req, res, { req, res, requestId });
  const attachWebSocket = (server: Server) => attachGraphqlWebSocket(server, yoga, deps);
  return { handle, attachWebSocket };
}
