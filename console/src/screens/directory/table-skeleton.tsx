import { Skeleton } from '../../ui/skeleton.js';

export function TableSkeleton({ label }: { label: string }) {
  return (
    <div class="stack" aria-busy="true">
      <span class="visually-hidden" role="status">
        {label}
      </span>
      {[0, 1, 2, 3, 4].map((row) => (
        <Skeleton key={row} height="2.25rem" />
      ))}
    </div>
  );
}
