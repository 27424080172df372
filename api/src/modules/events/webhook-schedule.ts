import type { Config } from '../../config.js';

export type RetrySchedule = Pick<Config['events'], 'maxAttempts' | 'retryBaseMs' | 'retryMaxMs'>;

/**
 * The wait after failed attempt `attempt` (1-based): doubling from the base up to the cap, plus
 * up to 25 % jitter so receivers coming back are not hit by every sender at once. The jitter only
 * lengthens a wait, so the documented schedule is the shortest one.
 */
export function retryDelayMs(attempt: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const base = Math.min(schedule.retryBaseMs * 2 ** Math.min(attempt - 1, 40), schedule.retryMaxMs);
  return Math.round(base * (1 + random() * 0.25));
}

/** How long a delivery keeps trying before it is marked failed, without jitter. */
export function retrySpanMs(schedule: RetrySchedule): number {
  let total = 0;
  for (let attempt = 1; attempt < schedule.maxAttempts; attempt += 1) total += retryDelayMs(attempt, schedule, () => 0);
  return total;
}
