import { findJsonProblem } from '../domain/storable-text.js';
import { badRequest } from './errors.js';

/**
 * What a SCIM request may contain. README ("Input limits") and the /Schemas descriptions quote
 * these numbers; larger input is answered 400 before anything is read or written.
 */
export const INPUT_LIMITS = {
  /** Objects and arrays inside one another in a request body (a Bulk PATCH of an extension needs 9). */
  bodyDepth: 32,
  /**
   * Characters of a value kept in an indexed column (userName, externalId, displayName,
   * emails.value, manager.value). A btree entry holds at most 2,704 bytes; 512 characters of
   * up to 4 UTF-8 bytes each stay below it with room for the company id beside them.
   */
  indexedLength: 512,
  /** Characters of a filter, PATCH path, sortBy or attribute path. */
  filterLength: 8192,
  /** Parentheses and brackets inside one another in a filter or PATCH path. */
  filterDepth: 32,
  /** `and`, `or` and `not` in one filter or PATCH path. */
  filterOperators: 500,
} as const;

/** The limit of an indexed value, in the attribute descriptions /Schemas publishes. */
export const AT_MOST = `At most ${INPUT_LIMITS.indexedLength} characters.`;

/**
 * Every request body passes here once, right after JSON.parse, so the recursive walks that follow
 * (resource shaping, PATCH, bulkId resolution, projection) only ever see bounded, storable input.
 */
export function assertAcceptableBody(body: unknown): void {
  const problem = findJsonProblem(body, INPUT_LIMITS.bodyDepth);
  if (problem?.kind === 'depth') {
    throw badRequest('invalidValue', `The request body nests objects and arrays more than ${INPUT_LIMITS.bodyDepth} levels deep (at "${problem.path}")`);
  }
  if (problem) {
    throw badRequest('invalidValue', `"${problem.path}" contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored`);
  }
}

/** Code points, not UTF-16 units, so an emoji counts as one character as the README says. */
function characterCount(text: string): number {
  if (text.length <= INPUT_LIMITS.indexedLength) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** A value bound for an indexed column: longer ones could not be indexed and would fail the write. */
export function assertIndexable(label: string, value: string | null | undefined): void {
  if (typeof value === 'string' && characterCount(value) > INPUT_LIMITS.indexedLength) {
    throw badRequest('invalidValue', `Attribute "${label}" has more than ${INPUT_LIMITS.indexedLength} characters`);
  }
}
