/**
 * At most `concurrency` holders at once; up to `maxInFlight` in all (holders and waiters) wait
 * their turn in arrival order; beyond that `enter()` refuses at once (undefined).
 */
export function createSlots(concurrency: number, maxInFlight = Number.POSITIVE_INFINITY) {
  let running = 0;
  const waiting: (() => void)[] = [];

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  function slot(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  return {
    /** A promise of the release function once it is the caller's turn, or undefined when full. */
    enter(): Promise<() => void> | undefined {
      if (running + waiting.length >= maxInFlight) return undefined;
      if (running < concurrency) {
        running += 1;
        return Promise.resolve(slot());
      }
      return new Promise((resolve) => waiting.push(() => resolve(slot())));
    },
    get inFlight(): number {
      return running + waiting.length;
    },
  };
}

export type Slots = ReturnType<typeof createSlots>;
