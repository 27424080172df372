import type { KeysetPager } from './use-keyset-pager.js';

interface PagerProps {
  pager: KeysetPager;
  /** Rows on this page and the page size, for "51–100". */
  shown: number;
  pageSize: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  what: string;
}

/** Previous / next over keyset pages; the range says where the operator is without a total count. */
export function Pager({ pager, shown, pageSize, hasNextPage, endCursor, what }: PagerProps) {
  if (pager.page === 1 && !hasNextPage) return null;
  const from = (pager.page - 1) * pageSize + 1;
  return (
    <nav class="pager" aria-label={`${what} pages`}>
      <button type="button" class="button" disabled={pager.page === 1} onClick={pager.previous}>
        Previous
      </button>
      <span class="muted" aria-live="polite">
        {shown > 0 ? `${from.toLocaleString()}–${(from + shown - 1).toLocaleString()}` : ''}
      </span>
      <button type="button" class="button" disabled={!hasNextPage || !endCursor} onClick={() => endCursor && pager.next(endCursor)}>
        Next
      </button>
    </nav>
  );
}
