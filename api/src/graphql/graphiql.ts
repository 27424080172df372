import type { GraphiQLOptions } from 'graphql-yoga';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from '../modules/access/credentials.js';

/**
 * GraphiQL, answered by Yoga to a GET /graphql that accepts text/html, ahead of every other
 * plugin (so the page itself needs no CSRF header; the queries it sends do). Its scripts and
 * styles are inlined by @graphql-yoga/render-graphiql instead of loaded from a CDN: Roster may
 * run without Internet access, and an admin page should not run scripts from a third party.
 *
 * A signed-in operator's cookie goes with GraphiQL's same-origin requests, so the header
 * editor starts with the CSRF header the cookie needs; anyone else starts with an
 * Authorization header to complete with an API token.
 */
export function graphiqlOptions(request: Request): GraphiQLOptions {
  const signedIn = readCookie(request.headers.get('cookie') ?? undefined, SESSION_COOKIE) !== undefined;
  const headers = signedIn ? { [CSRF_HEADER]: '1' } : { Authorization: 'Bearer <API token>' };
  return {
    title: 'Roster GraphQL',
    headers: JSON.stringify(headers, null, 2),
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
    credentials: 'same-origin',
    subscriptionsProtocol: 'WS',
  };
}

/**
 * The page is about 9 MB of inlined assets; there are two variants, so each is built once per app.
 * Its module (a 10 MB script as a string, some 30 MB of heap) is loaded on the first request for
 * the page, not at start: most processes never serve it.
 */
export function createGraphiqlRenderer(): (options: GraphiQLOptions) => Promise<string> {
  const rendered = new Map<string, Promise<string>>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = rendered.get(key);
    if (page === undefined) {
      page = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options));
      rendered.set(key, page);
      page.catch(() => rendered.delete(key));
    }
    return page;
  };
}
