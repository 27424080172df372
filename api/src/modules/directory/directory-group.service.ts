import { randomUUID } from 'node:crypto';
import type { Sql } from '../../db/sql.js';
import { snapshotItems } from '../../db/snapshot-items.js';
import { createSlots } from '../../domain/slots.js';
import { DomainError } from '../../domain/domain-error.js';
import { createGroupStore, type GroupRow, type MemberRow } from './directory-group.store.js';
import { createMemberAddQueue } from './directory-member-queue.js';
import { createMembershipStore, type MembershipStore } from './directory-membership.store.js';
import { acceptedVersions } from '../../scim/etag.js';
import { assertVersion, guardedByVersion, notFound, UUID, withUniqueness } from './directory-preconditions.js';
import type { GroupInput, PatchInput } from './directory-input.js';
import { compileListQuery, pageTotal, type ListQuery } from './directory-list-query.js';
import { memberOnlyPatch, patchedGroup, type MemberChange } from './directory-patch.js';
import { scimTokenSource, withEventSource } from '../events/event-source.js';

export interface GroupRecord extends GroupRow {
  members?: MemberRow[];
}

/** What readGroupInBatches yields: the group first, then its members, one batch per item. */
export type GroupPart = { group: GroupRow } | { members: MemberRow[] };

interface GroupDeps {
  sql: Sql;
  members: MembershipStore;
  maxResults: number;
  /** Snapshots readGroupInBatches may hold open at once (each holds a pool connection). */
  snapshots: number;
}

async function applyMemberChanges(tx: Sql, companyId: string, groupId: string, changes: readonly MemberChange[]) {
  const scoped = createMembershipStore(tx);
  for (const change of changes) {
    const ids = 'ids' in change ? change.ids : [];
    const invalid = ids.filter((id) => !UUID.test(id));
    if (change.kind === 'removeAll' || change.kind === 'replace') await scoped.removeAll(companyId, groupId);
    if (change.kind === 'remove') await scoped.remove(companyId, groupId, ids.filter((id) => UUID.test(id)));
    if (change.kind === 'add' || change.kind === 'replace') {
      const unknown = [...invalid, ...(await scoped.add(companyId, groupId, ids.filter((id) => UUID.test(id))))];
      if (unknown.length > 0) {
        throw new DomainError('UNKNOWN_MEMBER', `No user or group with id ${unknown.slice(0, 5).join(', ')} in this company`);
      }
    }
  }
}

/** The group, locked for the transaction, after the 404 and If-Match checks. */
async function lockedGroup(store: ReturnType<typeof createGroupStore>, companyId: string, id: string, ifMatch: string | undefined) {
  const current = UUID.test(id) ? await store.findById(companyId, id, true) : undefined;
  if (!current) throw notFound('Group', id);
  assertVersion(current.version, ifMatch);
  return current;
}

/** The written group, with its members as the transaction sees them when they are wanted. */
async function withMembersIn(tx: Sql, companyId: string, row: GroupRow, include: boolean): Promise<GroupRecord> {
  return include ? { ...row, members: await createMembershipStore(tx).membersOf(companyId, [row.id]) } : row;
}

/** One add or remove of well-formed ids: the common IdP member push, done in one statement. */
function singleMemberChange(patch: PatchInput): { kind: 'add' | 'remove'; ids: string[] } | undefined {
  const changes = memberOnlyPatch(patch);
  const change = changes?.length === 1 ? changes[0] : undefined;
  if (change?.kind !== 'add' && change?.kind !== 'remove') return undefined;
  return change.ids.every((id) => UUID.test(id)) ? change : undefined;
}

export function createGroupFunctions({ sql, members, maxResults, snapshots }: GroupDeps) {
  const snapshotSlots = createSlots(snapshots);
  const groups = createGroupStore(sql);
  const memberAdds = createMemberAddQueue(members);

  async function withMembers(companyId: string, rows: GroupRow[], include: boolean, limit?: number): Promise<GroupRecord[]> {
    if (!include) return rows;
    const all = await members.membersOf(companyId, rows.map((row) => row.id), limit);
    return rows.map((row) => ({ ...row, members: all.filter((m) => m.groupId === row.id) }));
  }

  async function createGroup(companyId: string, group: GroupInput, tokenId?: string): Promise<GroupRecord> {
    const input = { ...group, tokenId };
    const insert = (store: typeof groups) =>
      withUniqueness(() => store.insert(companyId, randomUUID(), input), `displayName "${input.displayName}"`);
    // A group created empty (how IdPs create them) needs no transaction and no member read.
    if (input.memberIds.length === 0) return { ...(await insert(groups)), members: [] };
    return sql.transaction(async (tx) => {
      const row = await insert(createGroupStore(tx));
      await applyMemberChanges(tx, companyId, row.id, [{ kind: 'add', ids: input.memberIds }]);
      return withMembersIn(tx, companyId, row, true);
    });
  }

  /** The group, with its members when `includeMembers` (the first `memberLimit` of them when given). */
  async function getGroup(companyId: string, id: string, includeMembers = true, memberLimit?: number): Promise<GroupRecord> {
    const row = UUID.test(id) ? await groups.findById(companyId, id) : undefined;
    if (!row) throw notFound('Group', id);
    return (await withMembers(companyId, [row], includeMembers, memberLimit))[0]!;
  }

  /**
   * The group and its members as one snapshot saw them, `batchSize` members per item, so a group
   * of any size is read with one batch in memory (see snapshotItems: read it to the end or return).
   * The first `next()` rejects with NOT_FOUND when there is no such group.
   */
  async function readGroupInBatches(companyId: string, id: string, batchSize: number): Promise<AsyncIterableIterator<GroupPart>> {
    return snapshotItems<GroupPart>(sql, async (tx, emit) => {
      const row = UUID.test(id) ? await createGroupStore(tx).findById(companyId, id) : undefined;
      if (!row) throw notFound('Group', id);
      await emit({ group: row });
      const scoped = createMembershipStore(tx);
      await scoped.openMembersCursor(companyId, id);
      for (;;) {
        const batch = await scoped.fetchMembers(batchSize);
        if (batch.length > 0) await emit({ members: batch });
        if (batch.length < batchSize) return;
      }
    }, snapshotSlots);
  }

  async function replaceGroup(companyId: string, id: string, group: GroupInput, ifMatch?: string, includeMembers = true, tokenId?: string) {
    const input = { ...group, tokenId };
    return sql.transaction(async (tx) => {
      const store = createGroupStore(tx);
      await lockedGroup(store, companyId, id, ifMatch);
      const row = await withUniqueness(() => store.update(companyId, id, input), `displayName "${input.displayName}"`);
      await applyMemberChanges(tx, companyId, id, [{ kind: 'replace', ids: input.memberIds }]);
      return withMembersIn(tx, companyId, row!, includeMembers);
    });
  }

  /**
   * A member add or remove is one statement; when it changes nothing (missing group, If-Match,
   * unknown member) the locking path below runs and answers with the precise error.
   */
  async function patchGroup(companyId: string, id: string, patch: PatchInput, ifMatch?: string, includeMembers = false, tokenId?: string) {
    const change = UUID.test(id) ? singleMemberChange(patch) : undefined;
    const row = change && (await changeMembersAtOnce(companyId, id, change, ifMatch, tokenId));
    if (row) return (await withMembers(companyId, [row], includeMembers))[0]!;
    return patchGroupLocked(companyId, id, patch, ifMatch, includeMembers, tokenId);
  }

  /** Additions without If-Match may share a statement with concurrent ones (directory-member-queue). */
  function changeMembersAtOnce(
    companyId: string, id: string, change: { kind: 'add' | 'remove'; ids: string[] }, ifMatch: string | undefined, tokenId: string | undefined,
  ) {
    if (change.kind === 'add' && acceptedVersions(ifMatch) === null) return memberAdds.add(companyId, id, change.ids, tokenId);
    const apply = change.kind === 'add' ? members.addTouchingGroup : members.removeTouchingGroup;
    return apply(companyId, id, change.ids, acceptedVersions(ifMatch), tokenId);
  }

  async function patchGroupLocked(
    companyId: string, id: string, patch: PatchInput, ifMatch: string | undefined, includeMembers: boolean, tokenId: string | undefined,
  ) {
    return sql.transaction(async (tx) => {
      const store = createGroupStore(tx);
      const { write, changes } = patchedGroup(await lockedGroup(store, companyId, id, ifMatch), patch);
      const row = await withUniqueness(() => store.update(companyId, id, { ...write, tokenId }), `displayName "${write.displayName}"`);
      await applyMemberChanges(tx, companyId, id, changes);
      return withMembersIn(tx, companyId, row!, includeMembers);
    });
  }

  /** Answers the deleted group's displayName, for the activity log; the deletion's events name `tokenId`. */
  async function deleteGroup(companyId: string, id: string, ifMatch?: string, tokenId?: string): Promise<string> {
    return guardedByVersion(
      { kind: 'Group', id, ifMatch },
      (accepted) => withEventSource(sql, scimTokenSource(tokenId), (tx) => createGroupStore(tx).remove(companyId, id, accepted)),
      async () => (await groups.findById(companyId, id))?.version,
    );
  }

  async function listGroups(companyId: string, query: ListQuery) {
    const compiled = compileListQuery('Group', query, maxResults);
    const rows = compiled.count === 0 ? [] : await groups.list(companyId, compiled.where, compiled.orderBy, compiled.offset, compiled.count);
    const total = await pageTotal(rows, compiled, () => groups.count(companyId, compiled.where));
    return { total, rows: await withMembers(companyId, rows, compiled.includeRelations), startIndex: compiled.offset + 1 };
  }

  return { createGroup, getGroup, readGroupInBatches, replaceGroup, patchGroup, deleteGroup, listGroups };
}
