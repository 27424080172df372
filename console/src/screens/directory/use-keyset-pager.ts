import { useState } from 'preact/hooks';

/**
 * Keyset paging seen from the screen: the cursors of the pages walked so far, so "Previous"
 * goes back without OFFSET. A new search (`resetKey`) starts again from the first page — in the
 * same render, so no request goes out with the old search's cursor.
 */
export function useKeysetPager(resetKey: string) {
  const [walk, setWalk] = useState<{ key: string; cursors: string[] }>({ key: resetKey, cursors: [] });
  const cursors = walk.key === resetKey ? walk.cursors : [];
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length + 1,
    next: (endCursor: string) => setWalk({ key: resetKey, cursors: [...cursors, endCursor] }),
    previous: () => setWalk({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

export type KeysetPager = ReturnType<typeof useKeysetPager>;
