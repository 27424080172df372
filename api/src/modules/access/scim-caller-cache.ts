import type { ScimCaller } from './scim-token-auth.js';
import type { EventBus } from '../../events/event-bus.js';

/**
 * Successful SCIM token authentications, kept in process for a few seconds so an IdP's burst of
 * requests costs no token lookup each. Only successes are kept: a wrong token always reaches the
 * database. Whatever changes a token or a company's SCIM access forgets that company's entries
 * at once, here (forgetScimCallers) and on every replica (the scim_auth notification from the
 * database triggers of migration scim_auth_notify); the TTL covers a lost notification.
 */
export const SCIM_AUTH_CHANNEL = 'scim_auth';
const TTL_MS = 5_000;

interface Entry {
  caller: ScimCaller;
  expiresAt: number;
}

const entries = new Map<string, Entry>();
/**
 * A logical clock over forgets: a lookup takes a ticket before it reads the database and may
 * store its answer only if its company has not been forgotten since, so a lookup racing a
 * revocation cannot put the revoked token back.
 */
let clock = 0;
let allForgottenAt = 0;
const forgottenAt = new Map<string, number>();

const keyOf = (slug: string, tokenHash: string) => `${slug}\u0000${tokenHash}`;

export function cachedScimCaller(slug: string, tokenHash: string, now = Date.now()): ScimCaller | undefined {
  const key = keyOf(slug, tokenHash);
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt > now) return entry.caller;
  entries.delete(key);
  return undefined;
}

/** Taken before the database lookup, handed back to rememberScimCaller after it. */
export function scimLookupTicket(): number {
  return clock;
}

export function rememberScimCaller(tokenHash: string, caller: ScimCaller, ticket: number): void {
  if (allForgottenAt > ticket || (forgottenAt.get(caller.companyId) ?? 0) > ticket) return;
  entries.set(keyOf(caller.slug, tokenHash), { caller, expiresAt: Date.now() + TTL_MS });
}

/** Drops every cached caller of the company; its next request authenticates against the database. */
export function forgetScimCallers(companyId: string): void {
  forgottenAt.set(companyId, ++clock);
  for (const [key, entry] of entries) {
    if (entry.caller.companyId === companyId) entries.delete(key);
  }
}

/** After the listener connection drops, notifications may have been missed: trust nothing cached. */
export function forgetAllScimCallers(): void {
  allForgottenAt = ++clock;
  entries.clear();
}

/** Forgets what another process (or the CLI, or plain SQL) changed; see migration scim_auth_notify. */
export async function followScimAuthChanges(events: EventBus): Promise<() => Promise<void>> {
  events.onReconnect(forgetAllScimCallers);
  return events.subscribe(SCIM_AUTH_CHANNEL, (payload) => {
    const companyId = (payload as { companyId?: unknown } | null)?.companyId;
    if (typeof companyId === 'string') forgetScimCallers(companyId);
  });
}
