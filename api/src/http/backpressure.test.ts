import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientGone, writeWithBackpressure } from './backpressure.js';

const CHUNK = 'x'.repeat(64 * 1024);
const CHUNKS = 400; // 25 MiB: far more than loopback socket buffers hold

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A real server whose handler writes CHUNKS chunks through writeWithBackpressure, counting them. */
async function writingServer(stallMs?: number) {
  const progress = { written: 0, outcome: undefined as Promise<unknown> | undefined, mostListeners: 0 };
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    progress.outcome = (async () => {
      for (let i = 0; i < CHUNKS; i += 1) {
        await writeWithBackpressure(res, CHUNK, stallMs);
        progress.written += 1;
        const listeners = Math.max(...['close', 'error', 'drain'].map((event) => res.listenerCount(event)));
        progress.mostListeners = Math.max(progress.mostListeners, listeners);
      }
      res.end();
    })().then(() => 'done', (error: unknown) => error);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as net.AddressInfo).port, progress };
}

/** A raw client that asks for the response and then reads none of it. */
function pausedClient(port: number): net.Socket {
  const socket = net.connect(port, '127.0.0.1');
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  return socket.pause();
}

describe('writeWithBackpressure', () => {
  it('stops writing while the client does not read, and finishes once it does', async () => {
    const { port, progress } = await writingServer();
    const socket = pausedClient(port);
    await sleep(500);
    expect(progress.written).toBeGreaterThan(0);
    expect(progress.written).toBeLessThan(CHUNKS);
    let received = 0;
    socket.on('data', (data: Buffer) => (received += data.length));
    socket.resume();
    expect(await progress.outcome).toBe('done');
    await sleep(100);
    expect(received).toBeGreaterThan(CHUNKS * CHUNK.length);
    socket.destroy();
  });

  it('leaves no listeners behind on the response after each wait for drain, however many', async () => {
    const { port, progress } = await writingServer(5_000);
    const socket = net.connect(port, '127.0.0.1');
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.on('data', () => {}); // reads as it comes: hundreds of full buffers, each drained
    while (!progress.outcome) await sleep(10);
    expect(await progress.outcome).toBe('done');
    // Node's own: one or two per event; a wait that left its listeners would add one per drain.
    expect(progress.mostListeners).toBeLessThanOrEqual(2);
    socket.destroy();
  });

  it('gives up with ClientGone when the client closes mid-stream', async () => {
    const { port, progress } = await writingServer();
    const socket = pausedClient(port);
    await sleep(200);
    socket.destroy();
    expect(await progress.outcome).toBeInstanceOf(ClientGone);
    expect(progress.written).toBeLessThan(CHUNKS);
  });

  it('gives up with ClientGone when the client has read nothing for stallMs, and not before', async () => {
    const { port, progress } = await writingServer(700);
    const socket = pausedClient(port);
    await sleep(400);
    const stuckAt = progress.written;
    expect(await Promise.race([progress.outcome, sleep(100).then(() => 'still waiting')])).toBe('still waiting');
    expect(await progress.outcome).toBeInstanceOf(ClientGone);
    expect(progress.written).toBe(stuckAt);
    socket.destroy();
  });
});
