import { DomainError } from './domain-error.js';

/** Paging by opaque cursors, shared by every list a protocol pages through (GraphQL connections, exports). */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageInfoView {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfoView;
}

export interface PageRequest {
  first: number;
  /** The id (a bigserial) of the last row already seen; rows after it in newest-first order follow. */
  afterId: string | null;
}

/** Cursors are opaque to clients, so the key behind them can change without breaking anyone. */
export function encodeCursor(id: string): string {
  return Buffer.from(`c:${id}`).toString('base64url');
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** Nineteen digits can exceed bigint, which PostgreSQL would refuse with an error, not a miss. */
export function decodeCursor(cursor: string): string {
  const match = /^c:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1] || BigInt(match[1]) > MAX_BIGINT) {
    throw new DomainError('INVALID_INPUT', 'Invalid cursor; pass an endCursor or cursor you received');
  }
  return match[1];
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError('INVALID_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  return { first: pageSize(first), afterId: after ? decodeCursor(after) : null };
}

/** A position in a list ordered by time, then id: the time as UTC ISO text with microseconds. */
export interface TimeCursor {
  at: string;
  id: string;
}

export interface TimePageRequest {
  first: number;
  after: TimeCursor | null;
}

export function encodeTimeCursor({ at, id }: TimeCursor): string {
  return Buffer.from(`t:${at}|${id}`).toString('base64url');
}

export function decodeTimeCursor(cursor: string): TimeCursor {
  const match = /^t:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)\|(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1] || !match[2] || BigInt(match[2]) > MAX_BIGINT) throw new DomainError('INVALID_INPUT', 'Invalid cursor; pass an endCursor or cursor you received');
  return { at: match[1], id: match[2] };
}

export function timePageRequest(first: number | null | undefined, after: string | null | undefined): TimePageRequest {
  return { first: pageSize(first), after: after ? decodeTimeCursor(after) : null };
}

/** A position in a list ordered by a unique text key (a lower-cased name, a uuid). */
export interface KeyPageRequest {
  first: number;
  afterKey: string | null;
}

export function encodeKeyCursor(key: string): string {
  return Buffer.from(`k:${key}`).toString('base64url');
}

/** `valid` screens the key before it reaches SQL: a NUL or a malformed uuid is an error there, not a miss. */
export function decodeKeyCursor(cursor: string, valid: (key: string) => boolean = () => true): string {
  const match = /^k:([^\0]*)$/s.exec(Buffer.from(cursor, 'base64url').toString());
  if (match?.[1] === undefined || !valid(match[1])) throw new DomainError('INVALID_INPUT', 'Invalid cursor; pass an endCursor or cursor you received');
  return match[1];
}

export function keyPageRequest(first: number | null | undefined, after: string | null | undefined, valid: (key: string) => boolean): KeyPageRequest {
  return { first: pageSize(first), afterKey: after ? decodeKeyCursor(after, valid) : null };
}

/** `rows` were fetched with limit first + 1; the extra row only says whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], first: number, cursorOf: (row: T) => string = (row) => encodeCursor(row.id)): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last) : null } };
}
