import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress, publicOnlyLookup } from './webhook-address.js';

export const REQUEST_TIMEOUT_MS = 10_000;
/** At most this much of a receiver's answer is read. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** And this much of it is kept with the attempt. */
export const STORED_RESPONSE_CHARS = 2_048;

export interface WebhookAttempt {
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
}

export const succeeded = (attempt: WebhookAttempt) => attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;

/** Why `url` may not receive webhooks, or undefined when it may. */
export function refusedUrl(url: string, allowInsecure: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials';
  if (parsed.protocol !== 'https:' && !(allowInsecure && parsed.protocol === 'http:')) return 'must use https';
  if (url.length > 2_048) return 'is longer than 2048 characters';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowInsecure && (host === 'localhost' || (isIP(host) !== 0 && !isPublicAddress(host)))) {
    return 'must not point to a loopback, link-local or private address';
  }
  return undefined;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * One POST: no redirects followed (a 3xx is an answer like any other), a 10 s budget for the
 * whole exchange and at most 64 KB of the answer read. Addresses are checked at connect time.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, allowInsecure: boolean): Promise<WebhookAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = refusedUrl(url, allowInsecure);
  if (refusal) return Promise.resolve({ statusCode: null, durationMs: 0, responseBody: null, error: `URL ${refusal}` });
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (attempt: Omit<WebhookAttempt, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...attempt, durationMs: elapsed() });
    };
    const request = client.request(target, {
      method: 'POST',
      agent: agents[target.protocol as 'http:' | 'https:'],
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Roster-Webhooks/1.0' },
      ...(allowInsecure ? {} : { lookup: publicOnlyLookup }),
    }, (response) => {
      const chunks: Buffer[] = [];
      let read = 0;
      const done = () => finish({ statusCode: response.statusCode ?? null, responseBody: Buffer.concat(chunks).toString('utf8').slice(0, STORED_RESPONSE_CHARS), error: null });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, Math.max(0, MAX_RESPONSE_BYTES - read)));
        read += chunk.length;
        if (read >= MAX_RESPONSE_BYTES) {
          done();
          response.destroy();
        }
      });
      response.on('end', done);
      response.on('error', () => done());
    });
    const timer = setTimeout(() => {
      finish({ statusCode: null, responseBody: null, error: `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` });
      request.destroy();
    }, REQUEST_TIMEOUT_MS);
    request.on('error', (error: NodeJS.ErrnoException) => finish({ statusCode: null, responseBody: null, error: describe(error) }));
    request.end(body);
  });
}

/** A network error as the console shows it: its code and message, never a stack. */
function describe(error: NodeJS.ErrnoException): string {
  return (error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message).slice(0, 500);
}
