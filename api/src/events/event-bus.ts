import pg from 'pg';
import type { Logger } from '../logger.js';

export type EventHandler = (payload: unknown) => void;

export interface EventBus {
  /** Delivered to every subscriber on every replica (PostgreSQL NOTIFY; payload < 8000 bytes). */
  publish(channel: string, payload: unknown): Promise<void>;
  /** Many notifications in one round trip (e.g. a flushed batch of activity). */
  publishMany(items: readonly { channel: string; payload: unknown }[]): Promise<void>;
  /** Returns the unsubscribe function. LISTEN happens once per channel per process. */
  subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>>;
  /** Called after the listener reconnects: notifications sent while it was down are lost. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

/**
 * Cross-replica events over LISTEN/NOTIFY. One dedicated connection listens for the whole
 * process; it reconnects and re-listens after a drop, since subscribers outlive connections.
 */
export function createEventBus(databaseUrl: string, logger: Logger): EventBus {
  const handlers = new Map<string, Set<EventHandler>>();
  const reconnectHandlers = new Set<() => void>();
  let listener: Promise<pg.Client> | undefined;
  let closed = false;
  let retryScheduled = false;
  let listenerQueue: Promise<unknown> = Promise.resolve();
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle pooled client whose server goes away emits 'error' on the pool; unheard, it ends the process.
  publisher.on('error', (error) => logger.warn({ err: error }, 'event publisher connection lost'));

  function connect(): Promise<pg.Client> {
    listener ??= (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on('notification', (message) => dispatch(message.channel, message.payload));
      client.on('error', (error) => {
        logger.warn({ err: error }, 'event listener connection lost; reconnecting');
        listener = undefined;
        void client.end().catch(() => undefined);
        scheduleRelisten(500);
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      listener = undefined; // the next caller tries afresh instead of inheriting this failure
      throw error;
    });
    return listener;
  }

  /**
   * LISTEN and UNLISTEN one at a time on the listening connection: subscribers arrive together at
   * start-up, and pg deprecates a query sent while another is still running on the same client.
   */
  function onListener(statement: string): Promise<void> {
    const next = listenerQueue.then(async () => {
      await (await connect()).query(statement);
    });
    listenerQueue = next.catch(() => undefined);
    return next;
  }

  /** One retry loop at a time, however many failures ask for one. */
  function scheduleRelisten(delayMs: number): void {
    if (closed || retryScheduled) return;
    retryScheduled = true;
    setTimeout(() => {
      retryScheduled = false;
      void relisten(delayMs);
    }, delayMs);
  }

  // While PostgreSQL is away (restart, failover) keep trying; a rejection here would end the process.
  async function relisten(delayMs: number): Promise<void> {
    if (closed) return;
    try {
      for (const channel of handlers.keys()) await onListener(`listen ${quote(channel)}`);
    } catch (error) {
      logger.warn({ err: error, retryInMs: delayMs }, 'event listener could not reconnect; retrying');
      const failed = listener;
      listener = undefined;
      void failed?.then((client) => client.end()).catch(() => undefined);
      scheduleRelisten(Math.min(delayMs * 2, 2_000));
      return;
    }
    for (const handler of reconnectHandlers) handler();
  }

  function dispatch(channel: string, payload: string | undefined): void {
    const set = handlers.get(channel);
    if (!set) return;
    const value: unknown = payload ? JSON.parse(payload) : null;
    for (const handler of set) handler(value);
  }

  return {
    async publish(channel, payload) {
      await publisher.query('select pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
    },
    async publishMany(items) {
      if (items.length === 0) return;
      await publisher.query('select pg_notify(c, p) from unnest($1::text[], $2::text[]) as t(c, p)', [
        items.map((item) => item.channel),
        items.map((item) => JSON.stringify(item.payload)),
      ]);
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        try {
          await onListener(`listen ${quote(channel)}`);
        } catch (error) {
          // Forget the channel, or the next subscriber would think it is listened to already;
          // one that joined meanwhile is listened to once the connection is back.
          if (set.size === 0 && handlers.get(channel) === set) handlers.delete(channel);
          else scheduleRelisten(500);
          throw error;
        }
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size > 0 || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        if (!closed) await onListener(`unlisten ${quote(channel)}`).catch(() => undefined);
      };
    },
    onReconnect(handler) {
      reconnectHandlers.add(handler);
    },
    async close() {
      closed = true;
      const client = await listener?.catch(() => undefined);
      await client?.end().catch(() => undefined);
      await publisher.end();
    },
  };
}
