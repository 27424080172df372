import { describe, expect, it } from 'vitest';
import { findJsonProblem, isStorableText, printableText } from './storable-text.js';

describe('isStorableText', () => {
  it.each([
    ['plain', 'abc', true],
    ['a surrogate pair', '😀', true],
    ['NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\ud800', false],
    ['a lone low surrogate', '\udc00b', false],
    ['a reversed pair', '\ude00\ud83d', false],
  ])('%s', (_name, text, expected) => {
    expect(isStorableText(text)).toBe(expected);
  });

  it('printableText escapes exactly what cannot be stored', () => {
    expect(printableText('a\u0000b\ud800😀\n')).toBe('a\\u0000b\\ud800😀\n');
  });
});

describe('findJsonProblem', () => {
  it('names the first unstorable value or key', () => {
    expect(findJsonProblem({ a: [1, { b: 'x\u0000' }] }, 10)).toEqual({ kind: 'text', path: 'a[1].b' });
    expect(findJsonProblem({ a: { '\u0000': 1 } }, 10)).toEqual({ kind: 'text', path: 'a.\\u0000' });
    expect(findJsonProblem({ a: ['fine', 1, null, true] }, 10)).toBeUndefined();
  });

  it('counts containers, not scalars, toward the depth', () => {
    const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { a: nested(levels - 1) });
    expect(findJsonProblem(nested(3), 3)).toBeUndefined();
    expect(findJsonProblem(nested(4), 3)).toMatchObject({ kind: 'depth', path: 'a.a.a' });
  });

  it('walks 200,000 levels without recursion', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    expect(findJsonProblem(deep, 32)?.kind).toBe('depth');
  });
});
