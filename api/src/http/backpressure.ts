import { once } from 'node:events';
import type { ServerResponse } from 'node:http';

/** The response went away (the client closed it); whatever feeds it stops reading the database. */
export class ClientGone extends Error {}

/**
 * Waits for 'drain' when the socket's buffer is full, so a slow client holds back the database
 * reads behind a streamed body. A client that has not drained it after `stallMs` counts as gone.
 */
export async function writeWithBackpressure(res: ServerResponse, chunk: string, stallMs?: number): Promise<void> {
  // `destroyed` covers a response ended here; `closed` one whose socket closed before it was written to.
  if (res.destroyed || res.closed) throw new ClientGone();
  if (chunk === '' || res.write(chunk)) return;
  // The wait that loses the race must take its listeners off: a streamed body waits hundreds of times.
  const settled = new AbortController();
  const drained = once(res, 'drain', { signal: settled.signal }).then(() => true);
  const closed = once(res, 'close', { signal: settled.signal }).then(() => false);
  let timer: NodeJS.Timeout | undefined;
  const stalled = stallMs === undefined ? undefined : new Promise<false>((resolve) => (timer = setTimeout(resolve, stallMs, false)));
  try {
    if (!(await Promise.race([drained, closed, ...(stalled ? [stalled] : [])]))) throw new ClientGone();
  } finally {
    clearTimeout(timer);
    settled.abort();
  }
}
