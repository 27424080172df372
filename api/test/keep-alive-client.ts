import http from 'node:http';

export interface KeepAliveResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
}

export interface KeepAliveRequest {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Drop the body unread (load generation): the client should cost as little CPU as it can. */
  discard?: boolean;
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
      if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
      const outgoing = http.request({ agent, host: base.hostname, port: base.port, method, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => void (options.discard || chunks.push(chunk)));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, body: parseJson(raw) });
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
