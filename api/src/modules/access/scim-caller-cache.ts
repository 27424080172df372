import { SCIM_AUTH_CHANNEL } from '../../events/channels.js';
import type { EventBus } from '../../events/event-bus.js';
import { followChannel } from '../../events/event-stream.js';
import type { ScimCaller } from './scim-token-auth.js';

/**
 * Successful SCIM token authentications, kept in process for a few seconds so an IdP's burst of
 * requests costs no token lookup each. Only successes are kept: a wrong token always reaches the
 * database. Whatever changes a token or a company's SCIM access forgets that company's entries
 * at once, here (`forget`, handed to the services as `forgetScimCallers`) and on every replica
 * (the scim_auth notification from the database triggers of migration scim_auth_notify, which
 * scim-handler.ts follows); the TTL covers a lost notification. One cache per app (app.ts).
 */
const TTL_MS = 5_000;

interface Entry {
  caller: ScimCaller;
  expiresAt: number;
}

/** What a service that changes a company's SCIM access calls once its change is committed. */
export type ForgetScimCallers = (companyId: string) => void;

const keyOf = (slug: string, tokenHash: string) => `${slug}\u0000${tokenHash}`;

export function createScimCallerCache() {
  const entries = new Map<string, Entry>();
  /**
   * A logical clock over forgets: a lookup takes a ticket before it reads the database and may
   * store its answer only if its company has not been forgotten since, so a lookup racing a
   * revocation cannot put the revoked token back.
   */
  let clock = 0;
  let allForgottenAt = 0;
  const forgottenAt = new Map<string, number>();

  function cached(slug: string, tokenHash: string, now = Date.now()): ScimCaller | undefined {
    const key = keyOf(slug, tokenHash);
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.caller;
    entries.delete(key);
    return undefined;
  }

  /** Taken before the database lookup, handed back to `remember` after it. */
  const ticket = (): number => clock;

  function remember(tokenHash: string, caller: ScimCaller, taken: number): void {
    if (allForgottenAt > taken || (forgottenAt.get(caller.companyId) ?? 0) > taken) return;
    entries.set(keyOf(caller.slug, tokenHash), { caller, expiresAt: Date.now() + TTL_MS });
  }

  /** Drops every cached caller of the company; its next request authenticates against the database. */
  const forget: ForgetScimCallers = (companyId) => {
    forgottenAt.set(companyId, ++clock);
    for (const [key, entry] of entries) {
      if (entry.caller.companyId === companyId) entries.delete(key);
    }
  };

  /** After the listener connection drops, notifications may have been missed: trust nothing cached. */
  function forgetAll(): void {
    allForgottenAt = ++clock;
    entries.clear();
  }

  return { cached, ticket, remember, forget, forgetAll };
}

export type ScimCallerCache = ReturnType<typeof createScimCallerCache>;

/** The company a scim_auth notification names (json_build_object('companyId', …) in the trigger). */
function companyOf(payload: unknown): string | undefined {
  const companyId = (payload as { companyId?: unknown } | null)?.companyId;
  return typeof companyId === 'string' ? companyId : undefined;
}

/** Forgets what another process (or the CLI, or plain SQL) changed; see migration scim_auth_notify. */
export async function followScimAuthChanges(events: EventBus, callers: ScimCallerCache): Promise<() => Promise<void>> {
  events.onReconnect(callers.forgetAll);
  return followChannel(events, SCIM_AUTH_CHANNEL, companyOf, (companyId) => callers.forget(companyId));
}
