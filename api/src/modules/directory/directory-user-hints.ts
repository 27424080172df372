import type { UserRow } from './directory-user.store.js';

const MAX_HINTS = 10_000;
/** IdPs PATCH right after the create, read or lookup that names the user: seconds, not minutes. */
const HINT_TTL_MS = 60_000;

interface Hint {
  row: UserRow;
  at: number;
}

export interface UserHintOptions {
  max?: number;
  ttlMs?: number;
  now?: () => number;
}

/**
 * The last state of each user this process read or wrote, kept as a hint for PATCH: it applies
 * the operations to the hinted row and writes only if the stored version is still the hinted
 * one (every write bumps it), so a stale hint costs one read, never a wrong write. IdPs mostly
 * PATCH a user they have just created, read or looked up, which saves PATCH its first read.
 * Hints expire after a minute, so the cache holds what a minute of traffic touched (and its
 * memory stops growing after that minute) rather than filling up to `max` over hours.
 */
export function createUserHints({ max = MAX_HINTS, ttlMs = HINT_TTL_MS, now = Date.now }: UserHintOptions = {}) {
  const hints = new Map<string, Hint>();
  const keyOf = (companyId: string, id: string) => `${companyId}/${id.toLowerCase()}`;

  /** Insertion order is remembering order (see `remember`): the expired ones lead. */
  function dropExpired(at: number): void {
    for (const [key, hint] of hints) {
      if (at - hint.at < ttlMs) return;
      hints.delete(key);
    }
  }

  function get(companyId: string, id: string): UserRow | undefined {
    const key = keyOf(companyId, id);
    const hint = hints.get(key);
    if (!hint) return undefined;
    if (now() - hint.at < ttlMs) return hint.row;
    hints.delete(key);
    return undefined;
  }

  function remember(row: UserRow): void {
    const at = now();
    const key = keyOf(row.companyId, row.id);
    hints.delete(key);
    hints.set(key, { row, at });
    dropExpired(at);
    if (hints.size > max) hints.delete(hints.keys().next().value!);
  }

  function forget(companyId: string, id: string): void {
    hints.delete(keyOf(companyId, id));
  }

  return { get, remember, forget, size: () => hints.size };
}

export type UserHints = ReturnType<typeof createUserHints>;
