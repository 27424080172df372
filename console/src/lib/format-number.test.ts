import { describe, expect, it } from 'vitest';
import { formatCount } from './format-number.js';

describe('formatCount', () => {
  it.each([
    ['en-US', 1234567, '1,234,567'],
    ['de-DE', 1234567, '1.234.567'],
    ['en-US', 0, '0'],
  ])('%s formats %i as %s', (locale, value, text) => {
    expect(formatCount(value, locale)).toBe(text);
  });

  it('uses the browser locale when none is given', () => {
    expect(formatCount(1000)).toBe(new Intl.NumberFormat().format(1000));
  });
});
