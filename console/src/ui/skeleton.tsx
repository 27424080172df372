/** A grey bar of the size the real text will have, so nothing shifts when data arrives. */
export function Skeleton({ width = '100%', height = '1em' }: { width?: string; height?: string }) {
  return <span class="skeleton" style={{ width, height }} aria-hidden="true" />;
}
