import http from 'node:http';
import type { Socket } from 'node:net';
import type { SeededCompany } from './seed.js';
import { USER_URN } from './scim-client.js';

export interface KeepAliveResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
  /** The connection it came over, to tell a reused one from a new one. */
  socket: Socket;
}

export interface KeepAliveRequest {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Drop the body unread (load generation): the client should cost as little CPU as it can. */
  discard?: boolean;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
}

/**
 * Node's own keep-alive agent, as IdP clients and the console's server-side callers pool their
 * sockets. `maxSockets: 1` makes every request of a client share one connection when serial.
 */
export function keepAliveClient(baseUrl: string, maxSockets = 1) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = (method: string, path: string, options: KeepAliveRequest = {}) =>
    new Promise<KeepAliveResponse>((resolve, reject) => {
      const headers = { ...options.headers };
      if (options.body !== undefined && !options.chunked) headers['content-length'] = String(Buffer.byteLength(options.body));
      const outgoing = http.request({ agent, host: base.hostname, port: base.port, method, path, headers }, (response) => {
        // Taken now: once a response that closes its connection has ended, it has no socket.
        const socket = response.socket;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => void (options.discard || chunks.push(chunk)));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, body: parseJson(raw), socket });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  return { request, agent, close: () => agent.destroy() };
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

/** A SCIM POST whose body is held back, so the request stays in flight until `finish` is called. */
export function heldScimPost(target: Pick<SeededCompany, 'scimBaseUrl' | 'scimToken'>, userName: string) {
  const body = JSON.stringify({ schemas: [USER_URN], userName });
  const request = http.request(`${target.scimBaseUrl}/Users`, {
    method: 'POST',
    agent: new http.Agent({ keepAlive: true }),
    headers: { authorization: `Bearer ${target.scimToken}`, 'content-type': 'application/scim+json', 'content-length': Buffer.byteLength(body) },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
  request.write(body.slice(0, 10));
  request.flushHeaders();
  return { status, finish: () => request.end(body.slice(10)) };
}
