import type { Config } from '../../config.js';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError } from '../../domain/domain-error.js';
import { encodeKeyCursor, toPage, type KeyPageRequest, type Page } from '../../domain/paging.js';
import { ScimError } from '../../scim/errors.js';
import { serializeGroup, serializeUser } from '../../scim/resources/serialize.js';
import { scimBaseUrl } from '../companies/company.service.js';
import { isUuid } from '../../scim/filter/sql-leaf.js';
import { createDirectoryViewStore, type Condition, type GroupViewRow, type MemberViewRow, type UserViewRow } from './directory-view.store.js';
import { createDirectoryService } from './directory.service.js';
import { compileFilterText } from './directory-list-query.js';

export interface GroupCriteria {
  /** Case-insensitive substring of displayName or externalId. */
  search?: string | null;
  /** A SCIM filter expression, compiled as the SCIM list routes compile it. */
  filter?: string | null;
}

export interface UserCriteria extends GroupCriteria {
  /** true: active users; false: suspended and unassigned ones. */
  active?: boolean | null;
}

export interface DirectoryEmail {
  value: string;
  type: string | null;
  primary: boolean;
}

export interface DirectoryUserView extends Omit<UserViewRow, 'name' | 'emails' | 'createdAt' | 'updatedAt' | 'sortKey'> {
  name: { formatted: string | null; givenName: string | null; familyName: string | null } | null;
  emails: DirectoryEmail[];
  createdAt: Date;
  updatedAt: Date;
  cursor: string;
}

export type DirectoryGroupView = Omit<GroupViewRow, 'createdAt' | 'updatedAt' | 'sortKey'> & { createdAt: Date; updatedAt: Date; cursor: string };
export type DirectoryMemberView = MemberViewRow & { cursor: string };

/** Either column of a search matches; ILIKE's wildcards in the text are matched literally. */
function searchCondition(search: string | null | undefined, columns: string[]): Condition[] {
  if (!search) return [];
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [sql.join(columns.map((column) => sql`${sql.raw(column)} ilike ${pattern}`), ' or ')];
}

/** The parser's and compiler's message is what the caller needs to fix the expression. */
function filterCondition(kind: 'User' | 'Group', filter: string | null | undefined): Condition[] {
  if (!filter) return [];
  try {
    return [compileFilterText(kind, filter)];
  } catch (error) {
    if (error instanceof ScimError) throw new DomainError('INVALID_INPUT', `Invalid filter: ${error.detail}`);
    throw error;
  }
}

const USER_SEARCH = ['u.user_name', 'u.display_name', 'u.external_id', 'directory_email_text(u.email_values)'];
const GROUP_SEARCH = ['g.display_name', 'g.external_id'];

export function userConditions({ search, filter, active }: UserCriteria): Condition[] {
  // Unassigned (NULL) counts as not active, as in the SCIM counts and filters.
  const activeCondition = active === null || active === undefined ? [] : [sql.raw(active ? 'u.active is true' : 'u.active is not true')];
  return [...searchCondition(search, USER_SEARCH), ...filterCondition('User', filter), ...activeCondition];
}

export function groupConditions({ search, filter }: GroupCriteria): Condition[] {
  return [...searchCondition(search, GROUP_SEARCH), ...filterCondition('Group', filter)];
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

function nameOf(raw: unknown): DirectoryUserView['name'] {
  if (!raw || typeof raw !== 'object') return null;
  const name = raw as Record<string, unknown>;
  return { formatted: text(name.formatted), givenName: text(name.givenName), familyName: text(name.familyName) };
}

function emailsOf(raw: unknown): DirectoryEmail[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: Record<string, unknown> | null) =>
    typeof item?.value === 'string' ? [{ value: item.value, type: text(item.type), primary: item.primary === true }] : []);
}

function userView({ name, emails, createdAt, updatedAt, sortKey, ...row }: UserViewRow): DirectoryUserView {
  return { ...row, name: nameOf(name), emails: emailsOf(emails), createdAt: new Date(createdAt), updatedAt: new Date(updatedAt), cursor: encodeKeyCursor(sortKey) };
}

function groupView({ createdAt, updatedAt, sortKey, ...row }: GroupViewRow, key = sortKey): DirectoryGroupView {
  return { ...row, createdAt: new Date(createdAt), updatedAt: new Date(updatedAt), cursor: encodeKeyCursor(key) };
}

const byCursor = <T extends { cursor: string }>(row: T) => row.cursor;

/** The directory as the console and the exports read it: keyset pages, every query scoped to the company. */
export function createDirectoryView(db: Sql, config: Pick<Config, 'publicUrl' | 'scimMaxResults' | 'databasePoolMax'>) {
  const store = createDirectoryViewStore(db);
  // Services are built per GraphQL request; only scimResource needs the SCIM directory, so it is built on first use.
  let scim: ReturnType<typeof createDirectoryService> | undefined;
  const scimDirectory = () => (scim ??= createDirectoryService(db, config));

  async function listUsers(companyId: string, criteria: UserCriteria, page: KeyPageRequest): Promise<Page<DirectoryUserView>> {
    const rows = await store.users(companyId, userConditions(criteria), page.afterKey, page.first + 1);
    return toPage(rows.map(userView), page.first, byCursor);
  }

  async function listGroups(companyId: string, criteria: GroupCriteria, page: KeyPageRequest): Promise<Page<DirectoryGroupView>> {
    const rows = await store.groups(companyId, groupConditions(criteria), page.afterKey, page.first + 1);
    return toPage(rows.map((row) => groupView(row)), page.first, byCursor);
  }

  /** Not a uuid, missing, or another company's: null alike. */
  async function findUser(companyId: string, id: string): Promise<DirectoryUserView | null> {
    const row = isUuid(id) ? await store.user(companyId, id) : undefined;
    return row ? userView(row) : null;
  }

  async function findGroup(companyId: string, id: string): Promise<DirectoryGroupView | null> {
    const row = isUuid(id) ? await store.group(companyId, id) : undefined;
    return row ? groupView(row) : null;
  }

  async function listMembers(companyId: string, groupId: string, page: KeyPageRequest): Promise<Page<DirectoryMemberView>> {
    const rows = await store.members(companyId, groupId, page.afterKey, page.first + 1);
    return toPage(rows.map((row) => ({ ...row, cursor: encodeKeyCursor(row.id) })), page.first, byCursor);
  }

  async function listGroupsOf(companyId: string, userId: string, page: KeyPageRequest): Promise<Page<DirectoryGroupView>> {
    const rows = await store.groupsOf(companyId, userId, page.afterKey, page.first + 1);
    return toPage(rows.map((row) => groupView(row, row.id)), page.first, byCursor);
  }

  /** Principals carry their company's slug; one that does not costs a lookup. */
  async function baseUrlOf(companyId: string, slug: string | undefined): Promise<string> {
    const known = slug ?? (await db.query<{ slug: string }>(sql`select slug from company where id = ${companyId}`))[0]?.slug ?? '';
    return scimBaseUrl(config.publicUrl, known);
  }

  /** Exactly what GET /Users/{id} answers: the same read and the same serialiser. */
  async function userResourceOf(companyId: string, slug: string | undefined, id: string) {
    return serializeUser(await scimDirectory().getUser(companyId, id), { baseUrl: await baseUrlOf(companyId, slug) });
  }

  async function groupResourceOf(companyId: string, slug: string | undefined, id: string) {
    return serializeGroup(await scimDirectory().getGroup(companyId, id), { baseUrl: await baseUrlOf(companyId, slug) });
  }

  return { listUsers, listGroups, findUser, findGroup, listMembers, listGroupsOf, userResourceOf, groupResourceOf };
}

export type DirectoryView = ReturnType<typeof createDirectoryView>;
