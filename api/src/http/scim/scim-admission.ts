/**
 * Continuations let through per event-loop iteration. One per iteration kept probes fastest but
 * cost an iteration (an epoll round) per query: about 0.12 ms of server CPU per lookup, a third of
 * its throughput in the scim bench. A few per iteration keep a probe's wait to a few requests' work.
 */
const CONTINUATIONS_PER_TURN = 4;

/**
 * Spreads the work SCIM requests do after their queries (building and writing a page of
 * resources) over event-loop iterations, a few requests each, so between two of them Node reads
 * its sockets again and a probe waits for a few requests' work rather than for every running one.
 */
export function createTurns(perTurn = CONTINUATIONS_PER_TURN): () => Promise<void> {
  const queue: (() => void)[] = [];
  let scheduled = false;
  const next = () => {
    for (const resolve of queue.splice(0, perTurn)) resolve();
    scheduled = queue.length > 0;
    if (scheduled) setImmediate(next);
  };
  return () =>
    new Promise<void>((resolve) => {
      queue.push(resolve);
      if (scheduled) return;
      scheduled = true;
      setImmediate(next);
    });
}

type AsyncFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

/** The same service, with each call's caller continuing in a turn of its own. */
export function paced<T extends AsyncFunctions>(service: T, turn: () => Promise<void>): T {
  const wrap = (call: (...args: never[]) => Promise<unknown>) => async (...args: never[]) => {
    const result = await call(...args);
    await turn();
    return result;
  };
  return Object.fromEntries(Object.entries(service).map(([name, call]) => [name, wrap(call)])) as T;
}
