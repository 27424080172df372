/**
 * Runs `work` every `intervalMs` after the previous run ended (never two at once), from `start`
 * until `stop`, which waits for a run in progress. A failed run is reported and retried next time.
 */
export function createPeriodicTask(intervalMs: number, work: () => Promise<void>, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  function tick(): void {
    running = work()
      .catch(onError)
      .finally(() => {
        if (timer) timer = setTimeout(tick, intervalMs);
      });
  }

  return {
    start(): void {
      timer ??= setTimeout(tick, intervalMs);
    },
    async stop(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
