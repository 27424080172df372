/** A company's guard settings, as stored in deprovisioning_guard. */
export interface GuardSettings {
  enabled: boolean;
  thresholdPercent: number;
  thresholdMinimum: number;
  windowMinutes: number;
}

export const DEFAULT_GUARD_SETTINGS: GuardSettings = { enabled: true, thresholdPercent: 10, thresholdMinimum: 25, windowMinutes: 60 };

export type GuardState = 'ARMED' | 'TRIPPED' | 'RELEASED';

export function guardState(trippedAt: Date | null, releasedUntil: Date | null, now: Date): GuardState {
  if (releasedUntil && releasedUntil > now) return 'RELEASED';
  return trippedAt ? 'TRIPPED' : 'ARMED';
}

/**
 * Whether the `n`th deactivation or deletion of the window trips the guard: more than
 * thresholdPercent of the directory AND at least thresholdMinimum users. `directorySize` is the
 * directory as it was before the window's deletions, so deleting users does not tighten the limit.
 */
export function wouldTrip(n: number, directorySize: number, settings: GuardSettings): boolean {
  return n * 100 > settings.thresholdPercent * directorySize && n >= settings.thresholdMinimum;
}

/** How many deactivations and deletions a window admits before the guard trips. */
export function admittedPerWindow(directorySize: number, settings: GuardSettings): number {
  const overPercent = Math.floor((settings.thresholdPercent * directorySize) / 100) + 1;
  return Math.max(overPercent, settings.thresholdMinimum) - 1;
}
