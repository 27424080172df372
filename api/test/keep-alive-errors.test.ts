/** Issue 11 §3: error responses keep the keep-alive connection, unless a body was left unread. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { heldScimPost, keepAliveClient, type KeepAliveRequest, type KeepAliveResponse } from './keep-alive-client.js';
import { ERROR_URN, PATCH_OP, USER_URN } from './scim-client.js';

const MAX_BODY = 2048;
let t: TestApp;
let a: SeededCompany;
let inactive: SeededCompany;
let connections = 0;
beforeAll(async () => {
  // One SCIM request at a time, so that a request held open on another connection fills the cap.
  t = await startTestApp({ SCIM_MAX_BODY_BYTES: String(MAX_BODY), SCIM_MAX_CONCURRENCY: '1', SCIM_MAX_IN_FLIGHT: '1' });
  t.app.server.on('connection', () => void (connections += 1));
  [a, inactive] = await Promise.all([seedCompany(t), seedCompany(t)]);
  await t.services().companies.deactivateScim(inactive.companyId, 'test');
});
afterAll(() => t?.close());

const scimJson = { 'content-type': 'application/scim+json' };
const bearer = (company: SeededCompany) => ({ authorization: `Bearer ${company.scimToken}` });
const scimPath = (company: SeededCompany, path: string) => `${new URL(company.scimBaseUrl).pathname}${path}`;
const json = (value: unknown) => JSON.stringify(value);
const graphql = (query: string, variables: Record<string, unknown> = {}) => json({ query, variables });

interface ErrorCase {
  name: string;
  status: number;
  method: string;
  path: () => string;
  request: () => KeepAliveRequest;
  check?: (response: KeepAliveResponse) => void;
}

const signInFailure = {
  method: 'POST',
  path: () => '/graphql',
  request: () => ({
    headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
    body: graphql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: a.email, p: 'wrong' }),
  }),
};

const cases: ErrorCase[] = [
  { name: '400 body that is not JSON', status: 400, method: 'POST', path: () => scimPath(a, '/Users'), request: () => ({ headers: { ...bearer(a), ...scimJson }, body: '{"userName":' }) },
  { name: '400 invalid filter', status: 400, method: 'GET', path: () => scimPath(a, '/Users?filter=userName%20eq'), request: () => ({ headers: bearer(a) }) },
  { name: '401 without Authorization', status: 401, method: 'GET', path: () => scimPath(a, '/Users'), request: () => ({}) },
  { name: '401 with a malformed Authorization', status: 401, method: 'GET', path: () => scimPath(a, '/Users'), request: () => ({ headers: { authorization: 'Basic abc' } }) },
  { name: '401 with a small body left unread', status: 401, method: 'POST', path: () => scimPath(a, '/Users'), request: () => ({ headers: scimJson, body: json({ schemas: [USER_URN], userName: 'x@example.com' }) }) },
  { name: '403 SCIM deactivated', status: 403, method: 'GET', path: () => scimPath(inactive, '/Users'), request: () => ({ headers: bearer(inactive) }) },
  { name: '403 SCIM deactivated with a body', status: 403, method: 'PATCH', path: () => scimPath(inactive, '/Users/x'), request: () => ({ headers: { ...bearer(inactive), ...scimJson }, body: json({ schemas: [PATCH_OP], Operations: [] }) }) },
  { name: '403 GraphQL without the CSRF header', status: 403, method: 'POST', path: () => '/graphql', request: () => ({ headers: { 'content-type': 'application/json' }, body: graphql('{ viewer { id } }') }) },
  { name: '404 unknown user', status: 404, method: 'GET', path: () => scimPath(a, '/Users/00000000-0000-4000-8000-000000000000'), request: () => ({ headers: bearer(a) }) },
  { name: '404 unknown endpoint with a body', status: 404, method: 'POST', path: () => scimPath(a, '/Nope'), request: () => ({ headers: { ...bearer(a), ...scimJson }, body: '{}' }) },
  { name: '404 console asset', status: 404, method: 'GET', path: () => '/assets/missing.js', request: () => ({}) },
  { name: '405 DELETE on a collection', status: 405, method: 'DELETE', path: () => scimPath(a, '/Users'), request: () => ({ headers: bearer(a) }) },
  { name: '409 userName taken', status: 409, method: 'POST', path: () => scimPath(a, '/Users'), request: () => ({ headers: { ...bearer(a), ...scimJson }, body: json({ schemas: [USER_URN], userName: 'taken@example.com' }) }) },
  { name: '412 If-Match of another version', status: 412, method: 'PUT', path: () => scimPath(a, `/Users/${takenId}`), request: () => ({ headers: { ...bearer(a), ...scimJson, 'if-match': 'W/"999"' }, body: json({ schemas: [USER_URN], userName: 'taken@example.com' }) }) },
  { name: '415 unsupported media type, body unread', status: 415, method: 'POST', path: () => scimPath(a, '/Users'), request: () => ({ headers: { ...bearer(a), 'content-type': 'text/plain' }, body: 'userName=x' }) },
  { name: '413 GraphQL body over its limit', status: 413, method: 'POST', path: () => '/graphql', request: () => ({ headers: { 'content-type': 'application/json', authorization: `Bearer ${a.apiToken}` }, body: graphql(`{ viewer { id } } # ${'x'.repeat(150_000)}`) }) },
  {
    name: '429 sign-in throttled (TOO_MANY_REQUESTS)', status: 200, ...signInFailure,
    check: (response) => expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['TOO_MANY_REQUESTS']),
  },
];

let takenId = '';

describe('one keep-alive connection across every error path', () => {
  it('answers each error in protocol and serves the next request on the same socket', async () => {
    const client = keepAliveClient(t.baseUrl);
    const normal = () => client.request('GET', scimPath(a, '/Users?count=1'), { headers: bearer(a) });
    const taken = await client.request('POST', scimPath(a, '/Users'), { headers: { ...bearer(a), ...scimJson }, body: json({ schemas: [USER_URN], userName: 'taken@example.com' }) });
    takenId = taken.body.id;
    for (let i = 0; i < 5; i += 1) await client.request(signInFailure.method, signInFailure.path(), signInFailure.request());
    const first = await normal();
    const before = connections;
    for (const errorCase of cases) {
      const response = await client.request(errorCase.method, errorCase.path(), errorCase.request());
      expect(response.status, errorCase.name).toBe(errorCase.status);
      expect(response.headers.connection, errorCase.name).not.toBe('close');
      if (errorCase.path().startsWith('/pp/scim/')) expect(response.body, errorCase.name).toMatchObject({ schemas: [ERROR_URN], status: String(errorCase.status) });
      errorCase.check?.(response);
      const after = await normal();
      expect(after.status, `after ${errorCase.name}`).toBe(200);
      expect(response.socket, errorCase.name).toBe(first.socket);
      expect(after.socket, `after ${errorCase.name}`).toBe(first.socket);
    }
    expect(connections).toBe(before);
    client.close();
  });

  it('503 beyond the in-flight cap keeps the connection too', async () => {
    const client = keepAliveClient(t.baseUrl);
    const first = await client.request('GET', scimPath(a, '/Users?count=1'), { headers: bearer(a) });
    // The server admits a request as it emits it, so once emitted the held POST fills the cap.
    const arrived = new Promise((resolve) => t.app.server.once('request', resolve));
    const held = heldScimPost(a, 'held@example.com');
    await arrived;
    const shed = await client.request('GET', scimPath(a, '/Users'), { headers: bearer(a) });
    const shedWithBody = await client.request('POST', scimPath(a, '/Users'), { headers: { ...bearer(a), ...scimJson }, body: json({ schemas: [USER_URN], userName: 'shed@example.com' }) });
    for (const response of [shed, shedWithBody]) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.headers.connection).not.toBe('close');
      expect(response.body).toMatchObject({ schemas: [ERROR_URN], status: '503' });
      expect(response.socket).toBe(first.socket);
    }
    held.finish();
    expect(await held.status).toBe(201);
    const after = await client.request('GET', scimPath(a, '/Users?count=1'), { headers: bearer(a) });
    expect(after.status).toBe(200);
    expect(after.socket).toBe(first.socket);
    client.close();
  });
});

describe('a body too large to read', () => {
  const tooLarge = () => json({ schemas: [USER_URN], userName: 'big@example.com', displayName: 'x'.repeat(MAX_BODY) });

  it.each([
    ['413 with a declared Content-Length', () => ({ headers: { ...bearer(a), ...scimJson } }), 413],
    ['413 with a chunked body', () => ({ headers: { ...bearer(a), ...scimJson }, chunked: true }), 413],
    ['401 with a large body left unread', () => ({ headers: scimJson }), 401],
  ] as const)('%s says Connection: close, and the next request goes over a new socket', async (_name, request: () => KeepAliveRequest, status) => {
    const client = keepAliveClient(t.baseUrl);
    const first = await client.request('GET', scimPath(a, '/Users?count=1'), { headers: bearer(a) });
    const response = await client.request('POST', scimPath(a, '/Users'), { ...request(), body: tooLarge() });
    expect(response.status).toBe(status);
    expect(response.headers.connection).toBe('close');
    expect(response.body).toMatchObject({ schemas: [ERROR_URN], status: String(status) });
    const after = await client.request('GET', scimPath(a, '/Users?count=1'), { headers: bearer(a) });
    expect(after.status).toBe(200);
    expect(after.socket).not.toBe(first.socket);
    client.close();
  });
});
