/**
 * Share of work done in whole percent, rounded down: 100 % only when all is done (999 of 1,000
 * is 99 %), never above 100, and 0 for an empty job.
 */
export function progressPercent(done: number, total: number): number {
  if (total <= 0) return done > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}
