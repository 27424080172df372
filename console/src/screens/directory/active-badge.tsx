/** Active in green, inactive in grey — and always the word, so colour is never the only signal. */
export function ActiveBadge({ active }: { active: boolean | null | undefined }) {
  if (active === true) return <span class="badge badge--success">Active</span>;
  return (
    <span class="badge badge--inactive" title={active === null ? 'active is unassigned (removed by a PATCH); counts as not active' : undefined}>
      Inactive
    </span>
  );
}
