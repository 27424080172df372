import { useEffect, useState } from 'preact/hooks';

/**
 * Keyset paging seen from the screen: the cursors of the pages walked so far, so "Previous"
 * goes back without OFFSET. A new search (`resetKey`) starts again from the first page.
 */
export function useKeysetPager(resetKey: string) {
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => setCursors([]), [resetKey]);
  return {
    after: cursors.at(-1) ?? null,
    page: cursors.length + 1,
    next: (endCursor: string) => setCursors((walked) => [...walked, endCursor]),
    previous: () => setCursors((walked) => walked.slice(0, -1)),
  };
}

export type KeysetPager = ReturnType<typeof useKeysetPager>;
