import type { UserRow } from './directory-user.store.js';

const MAX_HINTS = 10_000;

/**
 * The last state of each user this process read or wrote, kept as a hint for PATCH: it applies
 * the operations to the hinted row and writes only if the stored version is still the hinted
 * one (every write bumps it), so a stale hint costs one read, never a wrong write. IdPs mostly
 * PATCH a user they have just created, read or looked up, which saves PATCH its first read.
 */
export function createUserHints(max = MAX_HINTS) {
  const rows = new Map<string, UserRow>();
  const keyOf = (companyId: string, id: string) => `${companyId}/${id.toLowerCase()}`;

  function get(companyId: string, id: string): UserRow | undefined {
    return rows.get(keyOf(companyId, id));
  }

  function remember(row: UserRow): void {
    const key = keyOf(row.companyId, row.id);
    rows.delete(key);
    rows.set(key, row);
    // Oldest first in insertion order: drop the one remembered longest ago.
    if (rows.size > max) rows.delete(rows.keys().next().value!);
  }

  function forget(companyId: string, id: string): void {
    rows.delete(keyOf(companyId, id));
  }

  return { get, remember, forget };
}

export type UserHints = ReturnType<typeof createUserHints>;
