import http from 'node:http';

export interface JsonResponse {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * A lean keep-alive HTTP/1.1 client for load generation. The bench client shares the machine's
 * two cores with Roster and PostgreSQL; global fetch spent about as much CPU per request as the
 * server did, which measured the client rather than Roster. An IdP runs on its own machines.
 */
export function createJsonClient(baseUrl: string, headers: Record<string, string>, sockets: number) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return (method: string, path: string, body?: unknown): Promise<JsonResponse> => new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const request = http.request({
      agent, host: base.hostname, port: base.port, method, path: `${base.pathname}${path}`,
      headers: payload ? { ...headers, 'content-length': payload.length } : headers,
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}
