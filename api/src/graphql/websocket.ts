import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type DocumentNode } from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { Sql } from '../db/sql.js';
import { createServices } from '../services.js';
import { authenticate, bearerToken, readCookie, SESSION_COOKIE } from '../modules/access/credentials.js';
import type { RosterYoga } from './yoga.js';

export const CLOSE_UNAUTHORIZED = CloseCode.Unauthorized; // 4401
export const CLOSE_FORBIDDEN = CloseCode.Forbidden; // 4403

type Run = NonNullable<ServerOptions['execute']>;
interface Envelope {
  execute: Run;
  subscribe: Run;
}

/**
 * A browser opens a WebSocket to any origin with the cookie attached (cross-site WebSocket
 * hijacking), so a cookie only counts when the page opening the socket is our own.
 */
function sameOrigin(request: IncomingMessage, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser; nothing ambient to hijack
  const host = request.headers.host;
  return origin === new URL(config.publicUrl).origin || origin === `http://${host}` || origin === `https://${host}`;
}

/**
 * A query that does not parse is the client's mistake: answered with an error message for that
 * subscription, where a throw would be an internal error that closes the whole socket.
 */
function parseOrErrors(parse: (source: string) => DocumentNode, query: string): DocumentNode | GraphQLError[] {
  try {
    return parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
}

/**
 * graphql-ws on the HTTP server's /graphql path, executing through Yoga's envelope so that
 * context, error rendering, masking and query limits are the same as over HTTP.
 * connection_init must authenticate (connectionParams.authorization = "Bearer <API token>", or
 * the session cookie): 4401 when it cannot, 4403 for a cookie sent from a foreign page.
 */
export function attachGraphqlWebSocket(server: Server, yoga: RosterYoga, { orm, sql, config }: { orm: Orm; sql: Sql; config: Config }) {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const cleanup = useServer<Record<string, unknown> | undefined, { request: IncomingMessage }>(
    {
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const header = typeof authorization === 'string' ? authorization : undefined;
        const cookie = ctx.extra.request.headers.cookie;
        const byCookie = !bearerToken(header) && readCookie(cookie, SESSION_COOKIE) !== undefined;
        if (byCookie && !sameOrigin(ctx.extra.request, config)) return false; // closes with 4403
        const principal = await authenticate(createServices(orm.em.fork(), sql, config), header, cookie);
        if (!principal) ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
        return principal !== null;
      },
      execute: (args) => (args.rootValue as Envelope).execute(args),
      subscribe: (args) => (args.rootValue as Envelope).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          req: ctx.extra.request,
          requestId: randomUUID(),
          connectionParams: ctx.connectionParams,
          params: payload,
        });
        const args = {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document: parseOrErrors(enveloped.parse, payload.query),
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe } as Envelope,
        };
        if (Array.isArray(args.document)) return args.document;
        const errors = enveloped.validate(args.schema, args.document);
        return errors.length > 0 ? errors : args;
      },
    },
    wss,
  );
  return async () => {
    await cleanup.dispose();
    wss.close();
  };
}
