import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config.js';
import type { Orm } from '../db/orm.js';
import type { EventBus } from '../events/event-bus.js';
import type { Handler } from '../http/router.js';
import type { Logger } from '../logger.js';
import { createServices } from '../services.js';
import { authenticate } from './authenticate.js';
import type { GraphqlContext } from './context.js';
import { schema } from './schema.js';

export interface GraphqlDeps {
  orm: Orm;
  config: Config;
  logger: Logger;
  events: EventBus;
}

/** Yoga over HTTP and graphql-ws over WebSocket, on the same path and the same schema. */
export function createGraphqlServer({ orm, config, logger, events }: GraphqlDeps) {
  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse; requestId: string }, GraphqlContext>({
    schema,
    graphqlEndpoint: '/graphql',
    logging: false,
    maskedErrors: true,
    landingPage: false,
    context: async ({ req, res, requestId }) => {
      const services = createServices(orm.em.fork(), config);
      const principal = await authenticate(services, req.headers.authorization, req.headers.cookie);
      return { principal, services, config, logger, events, requestId, req, res };
    },
  });

  const handle: Handler = (req, res, _url, requestId) => yoga.handle(req, res, { req, res, requestId });

  function attachWebSocket(server: Server) {
    const wss = new WebSocketServer({ server, path: '/graphql' });
    const cleanup = useServer(
      {
        schema,
        context: async (ctx) => {
          const services = createServices(orm.em.fork(), config);
          const params = ctx.connectionParams as { authorization?: string } | undefined;
          const principal = await authenticate(services, params?.authorization, ctx.extra.request.headers.cookie);
          return { principal, services, config, logger, events, requestId: 'ws' } satisfies GraphqlContext;
        },
      },
      wss,
    );
    return async () => {
      await cleanup.dispose();
      wss.close();
    };
  }

  return { handle, attachWebSocket };
}
