/** "85 ms", "1.2 s": how long an attempt waited for its answer. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
