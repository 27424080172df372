import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Sql } from '../../db/sql.js';
import { hashPassword } from '../access/secrets.js';
import { createDeprovisioningGuard, guardStandsAside } from '../deprovisioning-guard/deprovisioning-guard.js';
import { createGroupFunctions, type GroupPart, type GroupRecord } from './directory-group.service.js';
import { createMembershipStore } from './directory-membership.store.js';
import { assertVersion, guardedByVersion, notFound, UUID, withUniqueness } from './directory-preconditions.js';
import { createUserHints } from './directory-user-hints.js';
import { createUserStore, type UserRow, type UserWithGroups, type UserWrite } from './directory-user.store.js';
import type { PatchInput, UserInput } from './directory-input.js';
import { compileListQuery, pageTotal, type ListQuery } from './directory-list-query.js';
import { patchedUser } from './directory-patch.js';
import { userNameLookup } from './directory-user-lookup.js';
import { namingEventSource, scimTokenSource } from '../events/event-source.js';
import { sql as statement } from '../../db/sql-tag.js';
import { acceptedVersions } from '../../scim/etag.js';

export type { GroupPart, GroupRecord };
export type { MemberRow } from './directory-group.store.js';

export interface UserRecord extends UserRow {
  groups?: { value: string; display: string }[];
}

interface PatchRequest {
  patch: PatchInput;
  ifMatch: string | undefined;
  tokenId: string | undefined;
}

/** Optimistic PATCH attempts before it falls back to locking the row. */
const PATCH_ATTEMPTS = 3;
/** A PATCH that would deactivate an active user: it is written under the guard, row locked. */
const DEACTIVATES = Symbol('deactivates');

/** The directory as SCIM sees it. Every function takes the company first and filters by it. */
export function createDirectoryService(sql: Sql, config: Pick<Config, 'scimMaxResults' | 'databasePoolMax'>) {
  const users = createUserStore(sql);
  const hints = createUserHints();
  const guard = createDeprovisioningGuard(sql);
  const remembered = <T extends UserRow>(row: T): T => (hints.remember(row), row);

  async function toUserWrite(input: UserInput, tokenId: string | undefined): Promise<UserWrite> {
    const { password, ...rest } = input;
    return { ...rest, tokenId, ...(password === null ? {} : { passwordHash: await hashPassword(password) }) };
  }

  const versionOf = (companyId: string, id: string, store = users) => async () => (await store.findById(companyId, id))?.version;

  /** `tokenId`, in every write: the SCIM token the row records as its creator or last writer. */
  async function createUser(companyId: string, input: UserInput, tokenId?: string): Promise<UserRecord> {
    const write = await toUserWrite(input, tokenId);
    const taken = `userName "${write.userName}"`;
    const row = await withUniqueness(() => users.insertUnlessDeleted(companyId, randomUUID(), write), taken);
    if (row) return remembered({ ...row, groups: [] });
    // A soft-deleted user the IdP provisions again comes back as itself (RFC 7644 §3.6 frees the name, not the id).
    const restored = await withUniqueness(() => users.restoreForPost(companyId, write), taken);
    if (restored) return remembered(restored);
    const inserted = await withUniqueness(() => users.insert(companyId, randomUUID(), write), taken);
    return remembered({ ...inserted, groups: [] });
  }

  async function getUser(companyId: string, id: string, includeGroups = true): Promise<UserRecord> {
    const row = UUID.test(id) ? await users.findById(companyId, id, { withGroups: includeGroups }) : undefined;
    if (!row) throw notFound('User', id);
    return remembered(row);
  }

  /** PUT needs nothing from the stored user: one UPDATE guarded by If-Match (unless it may deactivate). */
  async function replaceUser(companyId: string, id: string, input: UserInput, ifMatch?: string, tokenId?: string): Promise<UserRecord> {
    const write = await toUserWrite(input, tokenId);
    if (write.active === false && UUID.test(id)) return remembered(await replaceInactive(companyId, id, write, ifMatch));
    return remembered(await guardedByVersion(
      { kind: 'User', id, ifMatch },
      (accepted) => withUniqueness(() => users.update(companyId, id, write, accepted), `userName "${write.userName}"`),
      versionOf(companyId, id),
    ));
  }

  /** A PUT of `active: false` deactivates an active user: the mass-deprovisioning guard decides. */
  async function replaceInactive(companyId: string, id: string, write: UserWrite, ifMatch: string | undefined) {
    return guard.guarded({ companyId, tokenId: write.tokenId, operation: 'Deactivate User', resourceId: id }, async (tx, admit) => {
      const locked = createUserStore(tx);
      const current = await locked.findById(companyId, id, { forUpdate: true });
      if (!current) throw notFound('User', id);
      assertVersion(current.version, ifMatch);
      if (current.active === true) await admit();
      return (await withUniqueness(() => locked.update(companyId, id, write, [current.version]), `userName "${write.userName}"`))!;
    });
  }

  /**
   * PATCH applies the operations in memory to the user as last seen (a hint, else a fresh read)
   * and writes them back only if that version is still current; a concurrent change makes it read
   * again. After a few lost races it locks the row instead, so a hot user still makes progress.
   */
  async function patchUser(companyId: string, id: string, patch: PatchInput, ifMatch?: string, tokenId?: string): Promise<UserRecord> {
    if (!UUID.test(id)) throw notFound('User', id);
    const request = { patch, ifMatch, tokenId };
    const fromHint = await patchHinted(companyId, id, request);
    if (fromHint && fromHint !== DEACTIVATES) return remembered(fromHint);
    let deactivates = fromHint === DEACTIVATES;
    for (let attempt = 0; !deactivates && attempt < PATCH_ATTEMPTS; attempt += 1) {
      const current = await users.findById(companyId, id);
      if (!current) throw notFound('User', id);
      const written = await writePatch(users, companyId, current, request);
      if (written === DEACTIVATES) deactivates = true;
      else if (written) return remembered(written);
    }
    return remembered(await patchLocked(companyId, id, request));
  }

  /** With the row locked; a deactivation is decided by the mass-deprovisioning guard in the same transaction. */
  function patchLocked(companyId: string, id: string, request: PatchRequest): Promise<UserWithGroups> {
    const target = { companyId, tokenId: request.tokenId, operation: 'Deactivate User', resourceId: id } as const;
    return guard.guarded(target, async (tx, admit) => {
      const locked = createUserStore(tx);
      const current = await locked.findById(companyId, id, { forUpdate: true });
      if (!current) throw notFound('User', id);
      return (await writePatch(locked, companyId, current, request, admit)) as UserWithGroups;
    });
  }

  /** Any failure against a hint (stale version, If-Match, a patch error) is settled by a fresh read. */
  async function patchHinted(companyId: string, id: string, request: PatchRequest) {
    const hint = hints.get(companyId, id);
    if (!hint) return undefined;
    hints.forget(companyId, id);
    return writePatch(users, companyId, hint, request).catch(() => undefined);
  }

  /**
   * Writes the patched user if `current` is still its version. A patch that deactivates an active
   * user is written under the guard (`admit`); without it, only in the one statement that finds the
   * guard standing aside, else the answer is DEACTIVATES (a changed version is found out there).
   */
  async function writePatch(
    store: ReturnType<typeof createUserStore>, companyId: string, current: UserRow, { patch, ifMatch, tokenId }: PatchRequest,
    admit?: () => Promise<void>,
  ): Promise<UserWithGroups | typeof DEACTIVATES | undefined> {
    assertVersion(current.version, ifMatch);
    const write = await toUserWrite(patchedUser(current, patch), tokenId);
    const deactivates = current.active === true && write.active === false;
    if (deactivates && admit) await admit();
    const unguarded = deactivates && !admit ? guardStandsAside(companyId) : undefined;
    const written = await withUniqueness(() => store.update(companyId, current.id, write, [current.version], unguarded), `userName "${write.userName}"`);
    return written ?? (unguarded ? DEACTIVATES : undefined);
  }

  /**
   * Answers the deleted user's userName, for the activity log. The deletion, its events (naming
   * `tokenId`: the row that would say who wrote it is gone) and the mass-deprovisioning guard's
   * count of it commit (or roll back) together.
   */
  async function deleteUser(companyId: string, id: string, ifMatch?: string, tokenId?: string): Promise<string> {
    if (UUID.test(id)) {
      hints.forget(companyId, id);
      // While the guard stands aside (it would count nothing) the delete is one statement naming
      // its own source; one that deletes nothing (gone, another version, an armed guard) goes on below.
      const unguarded = statement`${guardStandsAside(companyId)} and ${namingEventSource(scimTokenSource(tokenId))}`;
      const userName = await users.remove(companyId, id, acceptedVersions(ifMatch), unguarded);
      if (userName !== undefined) return userName;
    }
    return guard.guarded({ companyId, tokenId, operation: 'Delete User', resourceId: id }, async (tx, admit) => {
      const store = createUserStore(tx);
      return guardedByVersion(
        { kind: 'User', id, ifMatch },
        async (accepted) => {
          const userName = await store.remove(companyId, id, accepted, namingEventSource(scimTokenSource(tokenId)));
          if (userName !== undefined) await admit();
          return userName;
        },
        versionOf(companyId, id, store),
      );
    });
  }

  async function listUsers(companyId: string, query: ListQuery) {
    const compiled = compileListQuery('User', query, config.scimMaxResults);
    const userName = compiled.offset === 0 && compiled.count > 0 ? userNameLookup(query.filter) : undefined;
    if (userName !== undefined) {
      const rows = await users.findByUserName(companyId, userName, compiled.includeRelations);
      if (rows.length === 1) hints.remember(rows[0]!);
      return { total: rows.length, rows, startIndex: 1 };
    }
    const rows = compiled.count === 0
      ? []
      : await users.list(companyId, compiled.where, compiled.orderBy, compiled.offset, compiled.count, compiled.includeRelations);
    const total = await pageTotal(rows, compiled, () => users.count(companyId, compiled.where));
    // A one-user answer is an IdP's "does this user exist" lookup, often followed by a PATCH.
    if (rows.length === 1) hints.remember(rows[0]!);
    return { total, rows, startIndex: compiled.offset + 1 };
  }

  return {
    createUser, getUser, replaceUser, patchUser, deleteUser, listUsers,
    // A quarter of the pool at most: slow clients of large groups cannot starve the other requests.
    ...createGroupFunctions({ sql, members: createMembershipStore(sql), maxResults: config.scimMaxResults, snapshots: Math.max(1, Math.floor(config.databasePoolMax / 4)) }),
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
