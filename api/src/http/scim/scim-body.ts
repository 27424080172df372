import type { IncomingMessage } from 'node:http';
import { ScimError } from '../../scim/errors.js';
import { assertAcceptableBody } from '../../scim/input-limits.js';

const JSON_TYPES = ['application/scim+json', 'application/json'];

/**
 * Reads and parses a SCIM request body. Both media types are accepted: Okta's spec test posts
 * application/json (SCIM-NOTES §1.2). Oversized bodies stop being read at the limit.
 */
export async function readScimBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !JSON_TYPES.includes(type)) {
    throw new ScimError(415, undefined, `Unsupported Content-Type "${type}"; send application/scim+json`);
  }
  const text = await readText(req, limit);
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ScimError(400, 'invalidSyntax', 'The request body is not valid JSON');
  }
  assertAcceptableBody(body);
  return body;
}

/** Event-driven rather than `for await`: the async iterator cost more than the JSON parse. */
function readText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new ScimError(400, undefined, 'The request body was not sent completely'));
    });
  });
}

function tooLarge(limit: number): ScimError {
  return new ScimError(413, undefined, `The request body exceeds the maximum of ${limit} bytes`);
}
