import { describe, expect, it } from 'vitest';
import { nextTrapIndex } from './focus-trap.js';

describe('nextTrapIndex', () => {
  it('moves forward and wraps from the last to the first', () => {
    expect(nextTrapIndex(0, 3, false)).toBe(1);
    expect(nextTrapIndex(2, 3, false)).toBe(0);
  });

  it('moves backward and wraps from the first to the last', () => {
    expect(nextTrapIndex(1, 3, true)).toBe(0);
    expect(nextTrapIndex(0, 3, true)).toBe(2);
  });

  it('pulls focus that escaped back in at the matching end', () => {
    expect(nextTrapIndex(-1, 3, false)).toBe(0);
    expect(nextTrapIndex(-1, 3, true)).toBe(2);
  });

  it('has nowhere to go in an empty trap', () => {
    expect(nextTrapIndex(-1, 0, false)).toBe(-1);
  });
});
