/** Generators of hostile SCIM input for the property-based tests (`*.fuzz.test.ts`, `npm run fuzz`). */
import { fc } from '@fast-check/vitest';

// `npm run fuzz` sets the run count; FUZZ_SEED replays or varies the sequence.
const RUNS = Number(process.env.FUZZ_RUNS) || undefined;
const SEED = Number(process.env.FUZZ_SEED) || 20_261_201;

/** A fixed seed and a bounded run count in `npm test`; `FUZZ_RUNS` / `FUZZ_SEED` for longer or other runs. */
export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number; endOnFailure: boolean } {
  return { seed: SEED, numRuns: RUNS ?? defaultRuns, endOnFailure: false };
}

/** A timeout that grows with the run count, for the HTTP properties. */
export const fuzzTimeout = (defaultRuns: number, msPerRun = 150) => 30_000 + (RUNS ?? defaultRuns) * msPerRun;

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Always contains a NUL or an unpaired surrogate (ASCII around it, so the surrogate stays unpaired). */
export const poisonText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`),
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
    .map(([a, unit, b]) => `${a}${String.fromCharCode(unit)}${b}`),
);

/** Any code points, surrogate halves and controls included. */
export const anyText = fc.string({ unit: 'binary', maxLength: 24 });

const MARK = '\uE000';
const DEEP_MARKER = new RegExp(`"${MARK}deep:(\\d+):([ao])${MARK}"`, 'g');

/**
 * Nesting that JSON.stringify could not write (it overflows at a few thousand levels) and
 * fast-check could not print: a marker that `toRequestBody` expands into raw JSON text.
 */
export class DeepJson {
  constructor(readonly levels: number, readonly asArray: boolean) {}

  toJSON(): string {
    return `${MARK}deep:${this.levels}:${this.asArray ? 'a' : 'o'}${MARK}`;
  }

  [fc.toStringMethod](): string {
    return `DeepJson(${this.levels} ${this.asArray ? 'arrays' : 'objects'})`;
  }
}

/** A request body as text, with every DeepJson written out in full. */
export function toRequestBody(value: unknown): string {
  return JSON.stringify(value).replace(DEEP_MARKER, (_match, levels: string, kind: string) => {
    const count = Number(levels);
    return kind === 'a' ? `${'['.repeat(count)}"leaf"${']'.repeat(count)}` : `${'{"a":'.repeat(count)}"leaf"${'}'.repeat(count)}`;
  });
}

/** Nested past the body limit of 32, sometimes far past it. */
export const tooDeep = fc
  .tuple(fc.oneof(fc.integer({ min: 33, max: 64 }), fc.integer({ min: 65, max: 200_000 })), fc.boolean())
  .map(([levels, asArray]) => new DeepJson(levels, asArray));

/** Longer than the 512 characters an indexed column takes. */
export const tooLong = fc
  .tuple(fc.oneof(fc.integer({ min: 513, max: 2_000 }), fc.integer({ min: 2_001, max: 400_000 })), fc.constantFrom('x', 'é', '😀', '字'))
  .map(([length, char]) => char.repeat(length));

/** A value that the edge refuses wherever it is put in a body. */
export const poisonValue = fc.oneof(poisonText, tooDeep, poisonText.map((key) => ({ [key]: 'value' })));

const ATTRIBUTES = [
  'userName', 'displayName', 'title', 'emails', 'emails.value', 'emails.type', 'name.givenName', 'active', 'id',
  'externalId', 'meta.created', 'meta.lastModified', 'meta.resourceType', 'members', 'members.value', 'groups',
  'schemas', 'password', 'x', 'phoneNumbers.primary', `${ENTERPRISE_URN}:manager.value`, `${USER_URN}:userName`,
  `${ENTERPRISE_URN}:department`, 'urn:x:unknown:attr',
];
const attribute = fc.constantFrom(...ATTRIBUTES);
const operator = fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'EQ', 'Gt');

const dateText = fc.oneof(
  fc.constantFrom('1', '0000-01-01T00:00:00Z', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2020-02-30', 'March 7 2020', '2020'),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((date) => date.toISOString()),
);
const numberText = fc.oneof(
  fc.constantFrom('1e23', '9223372036854775808', '1e300', '1e400', '-1e400', '-0', '0.5', '1E-400'),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
);
const stringLiteral = fc.oneof(
  fc.oneof(anyText, poisonText, dateText, fc.string()).map((text) => JSON.stringify(text)),
  fc.oneof(anyText, poisonText).map((text) => `"${text}"`),
);
const compareValue = fc.oneof(stringLiteral, numberText, fc.constantFrom('true', 'false', 'null', 'True', 'unquoted'));

const comparison = fc.oneof(
  fc.tuple(attribute, operator, compareValue).map((parts) => parts.join(' ')),
  attribute.map((name) => `${name} pr`),
);

/** Filters from the RFC 7644 §3.4.2.2 grammar, with hostile values. */
export const grammarFilter: fc.Arbitrary<string> = fc.letrec<{ filter: string; leaf: string }>((tie) => ({
  leaf: comparison,
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(tie('filter'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('filter')).map((parts) => parts.join(' ')),
    tie('filter').map((inner) => `not (${inner})`),
    tie('filter').map((inner) => `(${inner})`),
    fc.tuple(fc.constantFrom('emails', 'members', 'phoneNumbers', 'addresses', 'name'), tie('leaf')).map(([name, inner]) => `${name}[${inner}]`),
  ),
})).filter;

/** Past the nesting, operator and length limits, or corrupted by a random insertion. */
export const hostileFilter = fc.oneof(
  fc.integer({ min: 1, max: 12_000 }).map((levels) => `${'('.repeat(levels)}userName pr${')'.repeat(levels)}`),
  fc.integer({ min: 1, max: 4_000 }).map((terms) => Array.from({ length: terms }, () => 'title pr').join(' or ')),
  fc.integer({ min: 8_000, max: 60_000 }).map((length) => `userName eq "${'x'.repeat(length)}"`),
  fc.integer({ min: 30, max: 5_000 }).map((levels) => `emails[${'('.repeat(levels)}type eq "work"${')'.repeat(levels)}]`),
  fc.tuple(grammarFilter, fc.nat(), anyText).map(([filter, at, text]) => filter.slice(0, at % (filter.length + 1)) + text + filter.slice(at % (filter.length + 1))),
  anyText,
);

export const anyFilter = fc.oneof(grammarFilter, hostileFilter);

/** PATCH paths: plain, URN-qualified, filtered, or hostile. */
export const patchPath = fc.oneof(
  attribute,
  fc.tuple(fc.constantFrom('emails', 'members', 'phoneNumbers', 'addresses'), grammarFilter, fc.option(fc.constantFrom('value', 'type', 'display', '$ref'))).map(
    ([name, filter, sub]) => `${name}[${filter}]${sub ? `.${sub}` : ''}`,
  ),
  hostileFilter.map((filter) => `emails[${filter}].value`),
  anyText,
);

/** The `op` values IdPs send and some they should not. */
export const patchOp = fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'Remove', 'bogus');

/** One PATCH operation with a random path and value (may well be valid). */
export const anyPatchOperation = fc.record(
  { op: patchOp, path: patchPath, value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), poisonValue, tooLong) },
  { requiredKeys: ['op'] },
);

/** Startindex / count as sent: numbers, hostile numerals, strings, random JSON. */
export const listNumber = fc.oneof(numberText, fc.integer().map(String), anyText, fc.constant(''));
