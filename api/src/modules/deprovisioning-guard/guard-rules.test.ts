import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_SETTINGS, admittedPerWindow, guardState, wouldTrip } from './guard-rules.js';

describe('guard rules', () => {
  it('trips past 10 % of the directory once at least 25 users are involved', () => {
    expect(wouldTrip(200, 2000, DEFAULT_GUARD_SETTINGS)).toBe(false);
    expect(wouldTrip(201, 2000, DEFAULT_GUARD_SETTINGS)).toBe(true);
    // A small directory: 10 % is 5 users, but fewer than 25 never trip.
    expect(wouldTrip(24, 50, DEFAULT_GUARD_SETTINGS)).toBe(false);
    expect(wouldTrip(25, 50, DEFAULT_GUARD_SETTINGS)).toBe(true);
  });

  it('names the number a window admits, consistent with wouldTrip', () => {
    for (const size of [0, 1, 50, 249, 250, 251, 2000, 10_001]) {
      const admitted = admittedPerWindow(size, DEFAULT_GUARD_SETTINGS);
      expect(wouldTrip(admitted, size, DEFAULT_GUARD_SETTINGS)).toBe(false);
      expect(wouldTrip(admitted + 1, size, DEFAULT_GUARD_SETTINGS)).toBe(true);
    }
    expect(admittedPerWindow(2000, DEFAULT_GUARD_SETTINGS)).toBe(200);
    expect(admittedPerWindow(50, DEFAULT_GUARD_SETTINGS)).toBe(24);
  });

  it('reads a release in force before a trip', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    const later = new Date('2026-12-02T01:00:00Z');
    const earlier = new Date('2026-12-01T23:00:00Z');
    expect(guardState(null, null, now)).toBe('ARMED');
    expect(guardState(earlier, null, now)).toBe('TRIPPED');
    expect(guardState(null, later, now)).toBe('RELEASED');
    expect(guardState(null, earlier, now)).toBe('ARMED');
  });
});
