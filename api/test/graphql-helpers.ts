import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './harness.js';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; requestId?: string };
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GqlError[];
}

export interface Caller {
  token?: string;
  cookie?: string;
  /** The console's CSRF header; on unless a test turns it off. */
  csrf?: boolean;
}

/** One GraphQL request over real HTTP, as the console (cookie) or an integrator (token) sends it. */
export async function gql<T = Record<string, unknown>>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.csrf !== false) headers['x-graphql-csrf'] = '1';
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.cookie) headers.cookie = caller.cookie;
  const response = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: GqlError[] };
  return { status: response.status, headers: response.headers, ...body };
}

/** Signs in over HTTP and returns the `name=value` pair to send back as Cookie. */
export async function signIn(t: TestApp, email: string, password: string): Promise<string> {
  const response = await gql(t, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: email, p: password });
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie || response.errors) throw new Error(`sign-in failed: ${JSON.stringify(response.errors)}`);
  return setCookie.split(';')[0] ?? '';
}

export const codes = (response: { errors?: GqlError[] }) => (response.errors ?? []).map((e) => e.extensions?.code);

export interface SocketOptions {
  authorization?: string;
  cookie?: string;
  origin?: string;
}

/** A graphql-ws client over the `ws` package, as a Node integrator or the console would connect. */
export function socketClient(t: TestApp, options: SocketOptions = {}): { client: Client; closed: Promise<number> } {
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({
    url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: options.authorization ? { authorization: options.authorization } : undefined,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  return { client, closed };
}

/** Runs one query or mutation over an open socket. */
export function socketRequest<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  return new Promise<{ data?: T | null; errors?: GqlError[] }>((resolve, reject) => {
    let result: { data?: T | null; errors?: GqlError[] } = {};
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error as GqlError[] }) : reject(error)),
        complete: () => resolve(result),
      },
    );
  });
}

/** Collects what a subscription delivers; `stop()` ends it. */
export function collect<T = Record<string, unknown>>(client: Client, query: string) {
  const values: { data?: T | null; errors?: GqlError[] }[] = [];
  let failure: unknown;
  const stop = client.subscribe<T>(
    { query },
    {
      next: (value) => void values.push(value as (typeof values)[number]),
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return { values, stop, failure: () => failure };
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
