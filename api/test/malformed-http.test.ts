/** Issue 11 §1: no request line, header, framing or path ends the process or stops the server. */
import { connect } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { keepAliveClient } from './keep-alive-client.js';
import { waitFor } from './graphql-helpers.js';

let t: TestApp;
let company: SeededCompany;
let port: number;
beforeAll(async () => {
  t = await startTestApp();
  company = await seedCompany(t);
  port = Number(new URL(t.baseUrl).port);
});
afterAll(() => t?.close());

/** Writes raw bytes (in pieces, with `halfClose` ending our side) and returns all the server said. */
function raw(pieces: (string | Buffer)[], { halfClose = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('connect', () => {
      for (const piece of pieces) socket.write(piece);
      if (halfClose) socket.end();
    });
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const scimPath = () => `/pp/scim/v2/${company.slug}`;
const auth = () => `authorization: Bearer ${company.scimToken}\r\n`;

/** Each case: the bytes, and the statuses it may be answered with (0: closed without an answer). */
const cases: [string, () => (string | Buffer)[], number[], { halfClose?: boolean }?][] = [
  ['a target the WHATWG URL parser refuses', () => ['GET http://[ HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [400]],
  ['an absolute-form target', () => ['GET http://elsewhere.example/healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [200]],
  ['an absolute-form target with a bad port', () => ['GET http://[::1]:99999/healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [400]],
  ['an authority-form target', () => ['CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\nconnection: close\r\n\r\n'], [0, 400, 404, 405]],
  ['an asterisk-form target', () => ['OPTIONS * HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [200, 400, 404, 405]],
  ['bad percent-encoding in a SCIM path', () => [`GET ${scimPath()}/Users/%zz%E0%A4%A HTTP/1.1\r\nhost: x\r\n${auth()}connection: close\r\n\r\n`], [400, 404]],
  ['bad percent-encoding in a SCIM query', () => [`GET ${scimPath()}/Users?filter=%&count=%ff HTTP/1.1\r\nhost: x\r\n${auth()}connection: close\r\n\r\n`], [200, 400]],
  ['a percent-encoded NUL in a SCIM id', () => [`GET ${scimPath()}/Users/%00 HTTP/1.1\r\nhost: x\r\n${auth()}connection: close\r\n\r\n`], [400, 404]],
  ['a raw NUL in the request line', () => ['GET /\0 HTTP/1.1\r\nhost: x\r\n\r\n'], [400]],
  ['a raw NUL in a header value', () => ['GET /healthz HTTP/1.1\r\nhost: x\r\nx-odd: a\0b\r\n\r\n'], [400]],
  ['a control character in a header name', () => ['GET /healthz HTTP/1.1\r\nhost: x\r\nx\x01y: 1\r\n\r\n'], [400]],
  ['a header over the size limit', () => [`GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`], [431]],
  ['a garbage request line', () => ['\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello\r\n\r\n'], [400]],
  ['an unknown HTTP version', () => ['GET /healthz HTTP/9.9\r\nhost: x\r\n\r\n'], [400, 505]],
  ['Content-Length and Transfer-Encoding together', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`], [400]],
  ['two different Content-Lengths', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\ncontent-length: 5\r\n\r\n{}{}`], [400]],
  ['an invalid chunk size', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\n${auth()}content-type: application/scim+json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`], [400]],
  ['a chunk size beyond 64 bits', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\n${auth()}transfer-encoding: chunked\r\n\r\nffffffffffffffffffff\r\n{}\r\n`], [400]],
  ['a chunk without its CRLF', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\n${auth()}transfer-encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n`], [400]],
  ['a SCIM body cut short', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\n${auth()}content-type: application/scim+json\r\ncontent-length: 500\r\n\r\n{"userName":`], [0, 400], { halfClose: true }],
  ['a chunked SCIM body cut short', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\n${auth()}transfer-encoding: chunked\r\n\r\n10\r\n{"userName":`], [0, 400], { halfClose: true }],
  ['an unauthenticated body cut short', () => [`POST ${scimPath()}/Users HTTP/1.1\r\nhost: x\r\ncontent-length: 500\r\n\r\n{"userName":`], [0, 400, 401], { halfClose: true }],
  ['a GraphQL body cut short', () => ['POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-graphql-csrf: 1\r\ncontent-length: 500\r\n\r\n{"query":'], [0, 400], { halfClose: true }],
  ['a GraphQL query string with bad percent-encoding', () => ['GET /graphql?query=%&variables=%zz HTTP/1.1\r\nhost: x\r\nx-graphql-csrf: 1\r\nconnection: close\r\n\r\n'], [400]],
  ['GraphQL variables that are not JSON', () => ['GET /graphql?query=%7B__typename%7D&variables=%7B HTTP/1.1\r\nhost: x\r\nx-graphql-csrf: 1\r\nconnection: close\r\n\r\n'], [400]],
  ['a form-encoded GraphQL POST with extensions that are not JSON', () => ['POST /graphql HTTP/1.1\r\nhost: x\r\nx-graphql-csrf: 1\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 35\r\nconnection: close\r\n\r\nquery=%7B__typename%7D&extensions=x'], [400, 415]],
  ['a protocol-relative target', () => ['GET //elsewhere.example/healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [200, 404, 503]],
  ['a GraphQL path with a NUL', () => ['POST /graphql%00 HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}'], [400, 404, 405]],
  ['GraphQL with a body that is not JSON', () => ['POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-graphql-csrf: 1\r\ncontent-length: 5\r\nconnection: close\r\n\r\n{"q":'], [400]],
  ['a WebSocket upgrade with a bad key', () => ['GET /graphql HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: nope\r\nsec-websocket-version: 13\r\n\r\n'], [0, 400]],
  ['a WebSocket upgrade elsewhere', () => ['GET /%zz HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n'], [0, 400, 404]],
  ['a console path of a lone %', () => ['GET /% HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [200, 400, 503]],
  ['a console asset with bad percent-encoding', () => ['GET /assets/%E0%A4%A.js HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [400]],
  ['an encoded traversal', () => ['GET /..%2f..%2fetc/passwd HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [200, 404, 503]],
  ['an encoded traversal to a file', () => ['GET /assets/..%2f..%2f..%2f..%2fetc%2fpasswd.txt HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [404]],
  ['a percent-encoded NUL in a console asset', () => ['GET /assets/a%00.js HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], [400]],
  ['a console path of a million slashes', () => [`GET /${'/'.repeat(8000)}x.js HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`], [404]],
];

describe('malformed requests over a raw TCP socket', () => {
  it.each(cases)('%s gets an HTTP answer (or a closed socket), and the server answers afterwards', async (_name, bytes, statuses, options) => {
    const response = await raw(bytes(), options);
    expect(statuses, response.slice(0, 200)).toContain(statusOf(response));
    expect(response).not.toMatch(/at .*\.(ts|js):\d+|select |insert /i);
    const health = keepAliveClient(t.baseUrl);
    expect((await health.request('GET', '/healthz')).status).toBe(200);
    health.close();
  });

  it('answers GraphQL query-string mistakes in GraphQL, with a code', async () => {
    const response = await raw(['GET /graphql?query=%7B__typename%7D&variables=%7B HTTP/1.1\r\nhost: x\r\nx-graphql-csrf: 1\r\nconnection: close\r\n\r\n']);
    const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['BAD_REQUEST']);
  });

  it('survives malformed graphql-ws messages on an open WebSocket', async () => {
    const socket = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${company.apiToken}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    const replies: { id?: string; type: string; payload?: unknown }[] = [];
    socket.on('message', (data: Buffer) => void replies.push(JSON.parse(data.toString()) as (typeof replies)[number]));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { provisioningActivity { id' } }));
    await waitFor(() => replies.some((reply) => reply.id === '1'), 5000, 'the answer to a query that does not parse');
    expect(replies.find((reply) => reply.id === '1')).toMatchObject({ type: 'error', payload: [{ message: expect.stringMatching(/Syntax Error/) }] });
    for (const message of [
      JSON.stringify({ id: '2', type: 'subscribe', payload: { query: '{ viewer { id } }', variables: 'not an object' } }),
      JSON.stringify({ id: '3', type: 'subscribe', payload: { query: `{ ${'viewer { company { '.repeat(50)} } }` } }),
      '{"type":', Buffer.from([0xff, 0xfe, 0x00]),
    ]) {
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
    }
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500))]);
    socket.terminate();
    const health = keepAliveClient(t.baseUrl);
    expect((await health.request('GET', '/healthz')).status).toBe(200);
    health.close();
  });

  it('survives all of them at once, and keeps serving SCIM', async () => {
    await Promise.all(cases.map(([, bytes, , options]) => raw(bytes(), options)));
    const client = keepAliveClient(t.baseUrl);
    const users = await client.request('GET', `${scimPath()}/Users`, { headers: { authorization: `Bearer ${company.scimToken}` } });
    expect(users.status).toBe(200);
    client.close();
  });
});
