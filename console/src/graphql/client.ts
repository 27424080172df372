import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { createLiveStatusStore, type LiveStatusStore } from './live-status.js';

export interface ConsoleClient {
  urql: Client;
  live: LiveStatusStore;
  dispose(): void;
}

/** Sent with every HTTP request so a cross-site form post can never pass for the console. */
export const CSRF_HEADERS = { 'x-graphql-csrf': '1' } as const;

function webSocketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

function createSubscriptionTransport(live: LiveStatusStore): WsClient | undefined {
  if (typeof WebSocket === 'undefined') return undefined;
  return createWsClient({
    url: webSocketUrl(window.location),
    // The session cookie travels with the upgrade request; no connection params needed.
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 30_000))),
    on: {
      connecting: () => live.set('connecting'),
      connected: () => live.set('live'),
      closed: () => live.set('offline'),
      error: () => live.set('offline'),
    },
  });
}

/**
 * One urql client per signed-in session: queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same origin. A new client after sign-in/out drops cache and socket together.
 */
export function createConsoleClient(): ConsoleClient {
  const live = createLiveStatusStore(typeof WebSocket === 'undefined' ? 'offline' : 'connecting');
  const transport = createSubscriptionTransport(live);
  const exchanges = [cacheExchange, fetchExchange];
  if (transport) {
    exchanges.push(
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: transport.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    );
  }
  const urql = new Client({
    url: '/graphql',
    exchanges,
    fetchOptions: { credentials: 'same-origin', headers: { ...CSRF_HEADERS } },
    requestPolicy: 'cache-and-network',
  });
  return { urql, live, dispose: () => void transport?.dispose() };
}
