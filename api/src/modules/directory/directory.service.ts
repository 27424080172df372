import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import { uniqueViolation, type Sql } from '../../db/sql.js';
import { ScimError } from '../../scim/errors.js';
import { hashPassword } from '../access/secrets.js';
import { createGroupStore, type GroupRow, type MemberRow } from './directory-group.store.js';
import { createMembershipStore } from './directory-membership.store.js';
import { createUserStore, type UserRow, type UserWrite } from './directory-user.store.js';
import {
  compileListQuery, groupInput, groupPatch, userInput, userPatch, type ListQuery, type MemberChange,
} from './directory.scim.js';

export interface UserRecord extends UserRow {
  groups?: { value: string; display: string }[];
}

export interface GroupRecord extends GroupRow {
  members?: MemberRow[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(kind: 'User' | 'Group', id: string): ScimError {
  return new ScimError(404, undefined, `${kind} ${id} not found`);
}

/** If-Match: a weak or strong ETag of the current version, or "*" (RFC 7644 §3.14). */
function assertVersion(current: number, ifMatch: string | undefined): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const wanted = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/"/g, ''));
  if (!wanted.includes(String(current))) {
    throw new ScimError(412, undefined, 'The resource changed since it was read (If-Match does not match its version)');
  }
}

async function withUniqueness<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new ScimError(409, 'uniqueness', `${what} is already taken`);
    throw error;
  }
}

/** The directory as SCIM sees it. Every function takes the company first and filters by it. */
export function createDirectoryService(sql: Sql, config: Pick<Config, 'scimMaxResults'>) {
  const users = createUserStore(sql);
  const groups = createGroupStore(sql);
  const members = createMembershipStore(sql);

  async function toUserWrite(input: ReturnType<typeof userInput>): Promise<UserWrite> {
    const { password, ...rest } = input;
    return { ...rest, ...(password === null ? {} : { passwordHash: await hashPassword(password) }) };
  }

  // Inside a transaction pass its store: a second pool connection per request starves the pool.
  async function withGroups(companyId: string, rows: UserRow[], include: boolean, store = members): Promise<UserRecord[]> {
    if (!include) return rows;
    const all = await store.groupsOf(companyId, rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, groups: all.filter((g) => g.userId === row.id).map(({ value, display }) => ({ value, display })) }));
  }

  async function withMembers(companyId: string, rows: GroupRow[], include: boolean): Promise<GroupRecord[]> {
    if (!include) return rows;
    const all = await members.membersOf(companyId, rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, members: all.filter((m) => m.groupId === row.id) }));
  }

  async function createUser(companyId: string, body: unknown): Promise<UserRecord> {
    const write = await toUserWrite(userInput(body));
    const row = await withUniqueness(() => users.insert(companyId, randomUUID(), write), `userName "${write.userName}"`);
    return { ...row, groups: [] };
  }

  async function getUser(companyId: string, id: string, includeGroups = true): Promise<UserRecord> {
    const row = UUID.test(id) ? await users.findById(companyId, id) : undefined;
    if (!row) throw notFound('User', id);
    return (await withGroups(companyId, [row], includeGroups))[0]!;
  }

  async function replaceUser(companyId: string, id: string, body: unknown, ifMatch?: string): Promise<UserRecord> {
    const write = await toUserWrite(userInput(body));
    return sql.transaction(async (tx) => {
      const scoped = createUserStore(tx);
      const current = UUID.test(id) ? await scoped.findById(companyId, id, true) : undefined;
      if (!current) throw notFound('User', id);
      assertVersion(current.version, ifMatch);
      const row = await withUniqueness(() => scoped.update(companyId, id, write), `userName "${write.userName}"`);
      return (await withGroups(companyId, [row!], true, createMembershipStore(tx)))[0]!;
    });
  }

  async function patchUser(companyId: string, id: string, body: unknown, ifMatch?: string): Promise<UserRecord> {
    return sql.transaction(async (tx) => {
      const scoped = createUserStore(tx);
      const current = UUID.test(id) ? await scoped.findById(companyId, id, true) : undefined;
      if (!current) throw notFound('User', id);
      assertVersion(current.version, ifMatch);
      const write = await toUserWrite(userPatch(current, body));
      const row = await withUniqueness(() => scoped.update(companyId, id, write), `userName "${write.userName}"`);
      return (await withGroups(companyId, [row!], true, createMembershipStore(tx)))[0]!;
    });
  }

  async function deleteUser(companyId: string, id: string, ifMatch?: string): Promise<void> {
    await sql.transaction(async (tx) => {
      const scoped = createUserStore(tx);
      const current = UUID.test(id) ? await scoped.findById(companyId, id, true) : undefined;
      if (!current) throw notFound('User', id);
      assertVersion(current.version, ifMatch);
      await scoped.remove(companyId, id);
    });
  }

  async function listUsers(companyId: string, query: ListQuery) {
    const compiled = compileListQuery('User', query, config.scimMaxResults);
    const rows = compiled.count === 0 ? [] : await users.list(companyId, compiled.where, compiled.params, compiled.orderBy, compiled.offset, compiled.count);
    const total = rows[0] ? Number(rows[0].total) : await users.count(companyId, compiled.where, compiled.params);
    return { total, rows: await withGroups(companyId, rows, compiled.includeRelations), startIndex: compiled.offset + 1 };
  }

  return {
    createUser, getUser, replaceUser, patchUser, deleteUser, listUsers,
    ...createGroupFunctions({ sql, groups, members, withMembers, maxResults: config.scimMaxResults }),
  };
}

interface GroupDeps {
  sql: Sql;
  groups: ReturnType<typeof createGroupStore>;
  members: ReturnType<typeof createMembershipStore>;
  withMembers: (companyId: string, rows: GroupRow[], include: boolean) => Promise<GroupRecord[]>;
  maxResults: number;
}

function createGroupFunctions({ sql, groups, members, withMembers, maxResults }: GroupDeps) {
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
          throw new ScimError(400, 'invalidValue', `No user or group with id ${unknown.slice(0, 5).join(', ')} in this company`);
        }
      }
    }
  }

  async function createGroup(companyId: string, body: unknown): Promise<GroupRecord> {
    const input = groupInput(body);
    return sql.transaction(async (tx) => {
      const store = createGroupStore(tx);
      const row = await withUniqueness(() => store.insert(companyId, randomUUID(), input), `displayName "${input.displayName}"`);
      await applyMemberChanges(tx, companyId, row.id, [{ kind: 'add', ids: input.memberIds }]);
      return { ...row, members: await createMembershipStore(tx).membersOf(companyId, [row.id]) };
    });
  }

  async function getGroup(companyId: string, id: string, includeMembers = true): Promise<GroupRecord> {
    const row = UUID.test(id) ? await groups.findById(companyId, id) : undefined;
    if (!row) throw notFound('Group', id);
    return (await withMembers(companyId, [row], includeMembers))[0]!;
  }

  async function replaceGroup(companyId: string, id: string, body: unknown, ifMatch?: string, includeMembers = true) {
    const input = groupInput(body);
    return sql.transaction(async (tx) => {
      const store = createGroupStore(tx);
      const current = UUID.test(id) ? await store.findById(companyId, id, true) : undefined;
      if (!current) throw notFound('Group', id);
      assertVersion(current.version, ifMatch);
      const row = await withUniqueness(() => store.update(companyId, id, input), `displayName "${input.displayName}"`);
      await applyMemberChanges(tx, companyId, id, [{ kind: 'replace', ids: input.memberIds }]);
      return includeMembers ? { ...row!, members: await createMembershipStore(tx).membersOf(companyId, [id]) } : row!;
    });
  }

  async function patchGroup(companyId: string, id: string, body: unknown, ifMatch?: string, includeMembers = false) {
    return sql.transaction(async (tx) => {
      const store = createGroupStore(tx);
      const current = UUID.test(id) ? await store.findById(companyId, id, true) : undefined;
      if (!current) throw notFound('Group', id);
      assertVersion(current.version, ifMatch);
      const { write, changes } = groupPatch(current, body);
      const row = await withUniqueness(() => store.update(companyId, id, write), `displayName "${write.displayName}"`);
      await applyMemberChanges(tx, companyId, id, changes);
      return includeMembers ? { ...row!, members: await createMembershipStore(tx).membersOf(companyId, [id]) } : row!;
    });
  }

  async function deleteGroup(companyId: string, id: string, ifMatch?: string): Promise<void> {
    const current = UUID.test(id) ? await groups.findById(companyId, id) : undefined;
    if (!current) throw notFound('Group', id);
    assertVersion(current.version, ifMatch);
    if (!(await groups.remove(companyId, id))) throw notFound('Group', id);
  }

  async function listGroups(companyId: string, query: ListQuery) {
    const compiled = compileListQuery('Group', query, maxResults);
    const rows = compiled.count === 0 ? [] : await groups.list(companyId, compiled.where, compiled.params, compiled.orderBy, compiled.offset, compiled.count);
    const total = rows[0] ? Number(rows[0].total) : await groups.count(companyId, compiled.where, compiled.params);
    return { total, rows: await withMembers(companyId, rows, compiled.includeRelations), startIndex: compiled.offset + 1 };
  }

  void members;
  return { createGroup, getGroup, replaceGroup, patchGroup, deleteGroup, listGroups };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
