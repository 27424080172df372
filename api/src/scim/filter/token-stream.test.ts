import { describe, expect, it } from 'vitest';
import { TokenStream } from './token-stream.js';

describe('TokenStream', () => {
  it('peeks, accepts keywords case-insensitively and stops at eof', () => {
    const stream = new TokenStream('a AND b', 'invalidFilter');
    expect(stream.next().text).toBe('a');
    expect(stream.acceptWord('or')).toBe(false);
    expect(stream.acceptWord('and')).toBe(true);
    expect(stream.expect('word', 'a name').text).toBe('b');
    expect(stream.next().type).toBe('eof');
    expect(stream.next().type).toBe('eof');
  });

  it('reports what it expected and where', () => {
    const stream = new TokenStream('a )', 'invalidPath');
    stream.next();
    expect(() => stream.expect('word', 'an attribute')).toThrow(
      expect.objectContaining({ scimType: 'invalidPath', detail: `Expected an attribute but found ')' at character 3 of "a )"` }),
    );
  });
});
