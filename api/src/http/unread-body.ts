import type { IncomingMessage, ServerResponse } from 'node:http';

/** Past this much (or this long), reading a body only to drop it costs more than a new connection. */
const DISCARD_BYTES = 64 * 1024;
const DISCARD_MS = 1000;

/**
 * Before an error is answered without reading the request body: a small body is read and
 * dropped, so the keep-alive connection stays usable (IdP clients pool their sockets and fail
 * the next request on a reset one). A body that is too large or does not arrive in time is left
 * unread, and the response carries `Connection: close` so the client knows not to reuse it.
 */
export function settleUnreadBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<void> {
  if (req.complete || req.readableEnded) return Promise.resolve();
  const budget = Math.min(DISCARD_BYTES, maxBytes);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > budget || req.isPaused()) return Promise.resolve(closeAfter(res));
  return new Promise((resolve) => {
    let read = 0;
    const settle = (keepAlive: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onEnd);
      if (!keepAlive) closeAfter(res);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > budget) settle(false);
    };
    const onEnd = () => settle(req.complete);
    const timer = setTimeout(() => settle(false), DISCARD_MS);
    req.on('data', onData).once('end', onEnd).once('close', onEnd);
    req.resume();
  });
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
