import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { ResourceTypeDefinition } from '../schema/schema-types.js';

/**
 * Receives bound values and returns the placeholder to splice into the SQL text. The caller owns
 * the numbering, so fragments compose into a larger query (e.g. `$1` is already the company id).
 */
export interface ParamSink {
  add(value: unknown): string;
}

export type ColumnType = 'text' | 'uuid' | 'boolean' | 'timestamptz';

export interface ColumnMapping {
  /** Column name without the alias. */
  column: string;
  type: ColumnType;
}

export interface MembershipMapping {
  table: string;
  groupColumn: string;
  memberColumn: string;
  /** `members` on groups (this row is the group) or `groups` on users (this row is the member). */
  attribute: 'members' | 'groups';
}

/** Everything the compiler needs to know about one table. */
export interface FilterTarget {
  resourceType: ResourceTypeDefinition;
  alias: string;
  /** Promoted columns by canonical path (`userName`, `meta.created`); the rest lives in `attributes`. */
  columns: Record<string, ColumnMapping>;
  attributesColumn: string;
  /** Lower-cased email values (text[], GIN-indexed) for the `emails.value eq` prefilter. */
  emailValuesColumn?: string;
  membership?: MembershipMapping;
}

const MEMBERSHIP = { table: 'directory_membership', groupColumn: 'group_id', memberColumn: 'member_id' };

const COMMON_COLUMNS: Record<string, ColumnMapping> = {
  id: { column: 'id', type: 'uuid' },
  externalId: { column: 'external_id', type: 'text' },
  displayName: { column: 'display_name', type: 'text' },
  'meta.created': { column: 'created_at', type: 'timestamptz' },
  'meta.lastModified': { column: 'updated_at', type: 'timestamptz' },
};

/** `directory_user` as decided for Roster. */
export function userFilterTarget(alias = 'u'): FilterTarget {
  return {
    resourceType: USER_RESOURCE_TYPE,
    alias,
    columns: {
      ...COMMON_COLUMNS,
      userName: { column: 'user_name', type: 'text' },
      active: { column: 'active', type: 'boolean' },
    },
    attributesColumn: 'attributes',
    emailValuesColumn: 'email_values',
    membership: { ...MEMBERSHIP, attribute: 'groups' },
  };
}

/** `directory_group` as decided for Roster. */
export function groupFilterTarget(alias = 'g'): FilterTarget {
  return {
    resourceType: GROUP_RESOURCE_TYPE,
    alias,
    columns: { ...COMMON_COLUMNS },
    attributesColumn: 'attributes',
    membership: { ...MEMBERSHIP, attribute: 'members' },
  };
}

/** A `$n` sink starting at `first`, collecting values in order for `pg`'s `query(text, values)`. */
export function createParamSink(first = 1): ParamSink & { values: unknown[] } {
  const values: unknown[] = [];
  return {
    values,
    add(value: unknown): string {
      values.push(value);
      return `$${first + values.length - 1}`;
    },
  };
}
