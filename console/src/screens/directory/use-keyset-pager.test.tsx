import { act, renderHook } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useKeysetPager } from './use-keyset-pager.js';

describe('useKeysetPager', () => {
  it('walks forward and back by cursor, and starts over for a new search in the same render', () => {
    const { result, rerender } = renderHook(({ key }: { key: string }) => useKeysetPager(key), { initialProps: { key: '' } });
    expect(result.current).toMatchObject({ after: null, page: 1 });
    act(() => result.current.next('c1'));
    act(() => result.current.next('c2'));
    expect(result.current).toMatchObject({ after: 'c2', page: 3 });
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ after: 'c1', page: 2 });
    rerender({ key: 'ada' });
    expect(result.current).toMatchObject({ after: null, page: 1 });
  });
});
