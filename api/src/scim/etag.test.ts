import { describe, expect, it } from 'vitest';
import { acceptedVersions, formatEtag, ifMatchAllows, notModified } from './etag.js';

describe('SCIM ETags', () => {
  it('formats a version as a weak tag', () => {
    expect(formatEtag(7)).toBe('W/"7"');
  });

  it.each([
    [undefined, 3, true],
    ['*', 3, true],
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    ['W/"2", W/"3"', 3, true],
    ['W/"2"', 3, false],
    ['garbage', 3, false],
  ])('If-Match %s against version %i allows: %s', (header, version, allowed) => {
    expect(ifMatchAllows(header, version)).toBe(allowed);
  });

  it.each([
    [undefined, null],
    [' * ', null],
    ['W/"2", "5"', [2, 5]],
    ['W/"x", "01", "2147483648", "2147483647"', [2147483647]],
  ])('If-Match %s accepts versions %j', (header, versions) => {
    expect(acceptedVersions(header)).toEqual(versions);
  });

  it.each([
    [undefined, 3, false],
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    ['W/"1", W/"3"', 3, true],
    ['*', 3, true],
    ['W/"4"', 3, false],
  ])('If-None-Match %s against version %i: not modified %s', (header, version, unchanged) => {
    expect(notModified(header, version)).toBe(unchanged);
  });
});
