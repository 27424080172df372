import { describe, expect, it } from 'vitest';
import { progressPercent } from './progress.js';

describe('progressPercent', () => {
  it.each([
    [0, 10, 0],
    [1, 3, 33],
    [2, 3, 66],
    [999, 1000, 99],
    [10, 10, 100],
    [12, 10, 100],
    [0, 0, 0],
    [3, 0, 100],
    [-1, 10, 0],
  ])('%i of %i is %i%%', (done, total, percent) => {
    expect(progressPercent(done, total)).toBe(percent);
  });
});
