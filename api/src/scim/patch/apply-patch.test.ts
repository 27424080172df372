import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import { applyPatch } from './apply-patch.js';
import type { PatchOperation } from './patch-request.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
type R = Record<string, unknown>;

const base: R = {
  userName: 'bjensen',
  active: true,
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [
    { value: 'b@work.com', type: 'work', primary: true },
    { value: 'b@home.com', type: 'home' },
  ],
  [ENT]: { department: 'Tour', manager: { value: 'm1' } },
};

const patch = (ops: PatchOperation[], resource: R = base) => applyPatch(resource, ops, { resourceType: USER_RESOURCE_TYPE });

function scimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('applyPatch: paths', () => {
  it.each<[string, PatchOperation[], (r: R) => void]>([
    ['replace userName', [{ op: 'replace', path: 'userName', value: 'new' }], (r) => expect(r.userName).toBe('new')],
    ['replace name.familyName', [{ op: 'replace', path: 'name.familyName', value: 'J2' }], (r) => expect(r.name).toEqual({ givenName: 'Barbara', familyName: 'J2' })],
    ['add nickName (Entra, SCIM-NOTES §2.5)', [{ op: 'add', path: 'nickName', value: 'Babs' }], (r) => expect(r.nickName).toBe('Babs')],
    ['add on an existing single value replaces', [{ op: 'add', path: 'userName', value: 'x' }], (r) => expect(r.userName).toBe('x')],
    ['Entra "Replace" active "False"', [{ op: 'replace', path: 'active', value: 'False' }], (r) => expect(r.active).toBe(false)],
    ['case-insensitive path', [{ op: 'replace', path: 'NAME.GIVENNAME', value: 'B' }], (r) => expect((r.name as R).givenName).toBe('B')],
    ['URN-qualified core path', [{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:title', value: 'T' }], (r) => expect(r.title).toBe('T')],
    ['URN extension attribute', [{ op: 'replace', path: `${ENT}:employeeNumber`, value: '7' }], (r) => expect(r[ENT]).toEqual({ department: 'Tour', manager: { value: 'm1' }, employeeNumber: '7' })],
    ['URN extension sub-attribute', [{ op: 'replace', path: `${ENT}:manager.value`, value: 'm2' }], (r) => expect((r[ENT] as R).manager).toEqual({ value: 'm2' })],
    ['manager as a raw string (SCIM-NOTES §2.6)', [{ op: 'add', path: `${ENT}:manager`, value: 'm9' }], (r) => expect((r[ENT] as R).manager).toEqual({ value: 'm9' })],
    ['manager as a one-element array (SCIM-NOTES §2.4)', [{ op: 'Add' as 'add', path: `${ENT}:manager`, value: [{ $ref: 'x', value: 'm3' }] }], (r) => expect((r[ENT] as R).manager).toEqual({ $ref: 'x', value: 'm3' })],
    ['manager {"value":""} removes it (SCIM-NOTES §2.6)', [{ op: 'replace', path: `${ENT}:manager`, value: { value: '' } }], (r) => expect(r[ENT]).toEqual({ department: 'Tour' })],
    ['remove manager', [{ op: 'remove', path: `${ENT}:manager` }], (r) => expect(r[ENT]).toEqual({ department: 'Tour' })],
    ['remove the last extension attribute drops the block', [{ op: 'remove', path: `${ENT}:manager` }, { op: 'remove', path: `${ENT}:department` }], (r) => expect(r).not.toHaveProperty(ENT)],
    ['remove a whole extension', [{ op: 'remove', path: ENT }], (r) => expect(r).not.toHaveProperty(ENT)],
    ['remove an unassigned attribute is a no-op', [{ op: 'remove', path: 'title' }], (r) => expect(r).toEqual(base)],
    ['remove name.givenName', [{ op: 'remove', path: 'name.givenName' }], (r) => expect(r.name).toEqual({ familyName: 'Jensen' })],
    ['replace complex merges sub-attributes', [{ op: 'replace', path: 'name', value: { middleName: 'M' } }], (r) => expect(r.name).toEqual({ givenName: 'Barbara', familyName: 'Jensen', middleName: 'M' })],
    ['password is writable (caller extracts it)', [{ op: 'replace', path: 'password', value: 'pw' }], (r) => expect(r.password).toBe('pw')],
  ])('%s', (_label, ops, check) => {
    check(patch(ops));
  });
});

describe('applyPatch: multi-valued attributes', () => {
  it.each<[string, PatchOperation[], unknown]>([
    ['add appends', [{ op: 'add', path: 'emails', value: [{ value: 'c@x.com', type: 'other' }] }], [...(base.emails as R[]), { value: 'c@x.com', type: 'other' }]],
    ['add de-duplicates by value, merging into the existing element', [{ op: 'add', path: 'emails', value: [{ value: 'B@WORK.com', type: 'work' }] }], [{ value: 'B@WORK.com', type: 'work', primary: true }, (base.emails as R[])[1]]],
    ['add of an identical element is a no-op', [{ op: 'add', path: 'emails', value: [{ value: 'b@home.com', type: 'home' }] }], base.emails],
    ['add with primary clears the others', [{ op: 'add', path: 'emails', value: { value: 'c@x.com', primary: true } }], [{ value: 'b@work.com', type: 'work', primary: false }, { value: 'b@home.com', type: 'home' }, { value: 'c@x.com', primary: true }]],
    ['replace replaces the list', [{ op: 'replace', path: 'emails', value: [{ value: 'only@x.com' }] }], [{ value: 'only@x.com' }]],
    ['filtered replace changes only the match (SCIM-SDK#668)', [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'new@work.com' }], [{ value: 'new@work.com', type: 'work', primary: true }, { value: 'b@home.com', type: 'home' }]],
    ['filtered replace with an element value', [{ op: 'replace', path: 'emails[type eq "home"]', value: { display: 'Home' } }], [base.emails && (base.emails as R[])[0], { value: 'b@home.com', type: 'home', display: 'Home' }]],
    ['filtered add creates the element (Entra, SCIM-NOTES §2.7)', [{ op: 'add', path: 'emails[type eq "other"].value', value: 'o@x.com' }], [...(base.emails as R[]), { type: 'other', value: 'o@x.com' }]],
    ['filtered primary true clears the others', [{ op: 'replace', path: 'emails[type eq "home"].primary', value: 'True' }], [{ value: 'b@work.com', type: 'work', primary: false }, { value: 'b@home.com', type: 'home', primary: true }]],
    ['filtered remove', [{ op: 'remove', path: 'emails[type eq "home"]' }], [(base.emails as R[])[0]]],
    ['filtered remove without a match is a no-op', [{ op: 'remove', path: 'emails[type eq "other"]' }], base.emails],
    ['filtered remove of a sub-attribute', [{ op: 'remove', path: 'emails[type eq "work"].primary' }], [{ value: 'b@work.com', type: 'work' }, { value: 'b@home.com', type: 'home' }]],
    ['remove with a value list removes only those', [{ op: 'remove', path: 'emails', value: [{ value: 'b@home.com' }] }], [(base.emails as R[])[0]]],
    ['Attribute names in the filter are case-insensitive', [{ op: 'replace', path: 'emails[Type eq "work"].Value', value: 'w@x' }], [{ value: 'w@x', type: 'work', primary: true }, (base.emails as R[])[1]]],
    ['emails.type without a filter sets every value', [{ op: 'replace', path: 'emails.type', value: 'other' }], [{ value: 'b@work.com', type: 'other', primary: true }, { value: 'b@home.com', type: 'other' }]],
    ['emails.primary remove without filter', [{ op: 'remove', path: 'emails.primary' }], [{ value: 'b@work.com', type: 'work' }, { value: 'b@home.com', type: 'home' }]],
  ])('%s', (_label, ops, emails) => {
    expect(patch(ops).emails).toEqual(emails);
  });

  it('several filtered adds merge into one address (SCIM-SDK#680)', () => {
    const result = patch([
      { op: 'add', path: 'addresses[type eq "work"].formatted', value: '1 Main St' },
      { op: 'add', path: 'addresses[type eq "work"].locality', value: 'Springfield' },
      { op: 'add', path: 'addresses[type eq "work"].region', value: 'IL' },
    ]);
    expect(result.addresses).toEqual([{ type: 'work', formatted: '1 Main St', locality: 'Springfield', region: 'IL' }]);
  });

  it('Entra roles[primary eq "True"].display (pingidentity/scim2#239)', () => {
    const resource = { ...base, roles: [{ value: 'a', primary: true }, { value: 'b' }] };
    const result = patch([{ op: 'replace', path: 'roles[primary eq "True"].display', value: 'Admin' }], resource);
    expect(result.roles).toEqual([{ value: 'a', primary: true, display: 'Admin' }, { value: 'b' }]);
  });

  it('phoneNumbers[type eq "work"].value on a user without phones creates one', () => {
    expect(patch([{ op: 'replace', path: 'phoneNumbers[type eq "work"].value', value: '555' }]).phoneNumbers).toEqual([{ type: 'work', value: '555' }]);
  });
});

describe('applyPatch: no-path values', () => {
  it('Entra compliant no-path replace with dotted and URN keys (SCIM-NOTES §2.5)', () => {
    const result = patch([
      {
        op: 'replace',
        value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua', [`${ENT}:employeeNumber`]: 'Aklq' },
      },
    ]);
    expect(result).toMatchObject({ displayName: 'Bjfe', name: { givenName: 'Kkom', familyName: 'Unua' } });
    expect(result[ENT]).toEqual({ department: 'Tour', manager: { value: 'm1' }, employeeNumber: 'Aklq' });
  });

  it.each<[string, PatchOperation, (r: R) => void]>([
    ['Okta deactivate', { op: 'replace', value: { active: false } }, (r) => expect(r.active).toBe(false)],
    ['string boolean', { op: 'replace', value: { Active: 'false' } }, (r) => expect(r.active).toBe(false)],
    ['nested extension object', { op: 'add', value: { [ENT]: { Department: 'Ops', manager: 'm5' } } }, (r) => expect(r[ENT]).toEqual({ department: 'Ops', manager: { value: 'm5' } })],
    ['readOnly id and meta are ignored (Okta, SCIM-NOTES §3.2)', { op: 'replace', value: { id: 'x', meta: {}, schemas: [], title: 'T' } }, (r) => expect(r).toEqual({ ...base, title: 'T' })],
    ['unknown extension kept verbatim', { op: 'add', value: { 'urn:okta:custom:1.0:User': { a: 1 } } }, (r) => expect(r['urn:okta:custom:1.0:User']).toEqual({ a: 1 })],
    ['add emails appends', { op: 'add', value: { emails: [{ value: 'n@x' }] } }, (r) => expect(r.emails).toHaveLength(3)],
    ['replace emails replaces', { op: 'replace', value: { emails: [{ value: 'n@x' }] } }, (r) => expect(r.emails).toEqual([{ value: 'n@x' }])],
  ])('%s', (_label, op, check) => {
    check(patch([op]));
  });
});

describe('applyPatch: resource-level keys never reach storage (issue 12)', () => {
  const extensionValue = { schemas: [ENT], id: 'x', meta: { resourceType: 'User' }, employeeNumber: '7', shoeSize: 44 };
  it.each<[string, PatchOperation]>([
    ['add with the extension URN as path', { op: 'add', path: ENT, value: extensionValue }],
    ['replace with the extension URN as path', { op: 'replace', path: ENT, value: extensionValue }],
    ['no-path add of the extension block', { op: 'add', value: { [ENT]: extensionValue } }],
    ['no-path replace with a URN-prefixed resource-level key', { op: 'replace', value: { [`${ENT}:schemas`]: [ENT], [`${ENT}:employeeNumber`]: '7' } }],
  ])('%s', (_label, op) => {
    const result = patch([op]);
    expect(Object.keys(result).sort()).toEqual(Object.keys(base).sort());
    expect(result[ENT]).toEqual({ department: 'Tour', manager: { value: 'm1' }, employeeNumber: '7' });
  });

  it('the core URN as path takes core attributes and ignores id, meta and schemas', () => {
    const core = 'urn:ietf:params:scim:schemas:core:2.0:User';
    const result = patch([{ op: 'replace', path: core, value: { schemas: [core], id: 'x', meta: {}, title: 'T' } }]);
    expect(result).toEqual({ ...base, title: 'T' });
    expect(scimError(() => patch([{ op: 'remove', path: core }]))).toMatchObject({ status: 400, scimType: 'invalidPath' });
  });
});

describe('applyPatch: unqualified extension names (Entra tutorial example 5)', () => {
  it.each<[string, PatchOperation, unknown]>([
    ['Add manager as an array of one', { op: 'Add' as 'add', path: 'manager', value: [{ $ref: null, value: 'm7' }] }, { department: 'Tour', manager: { value: 'm7' } }],
    ['replace manager.value', { op: 'replace', path: 'manager.value', value: 'm8' }, { department: 'Tour', manager: { value: 'm8' } }],
    ['remove department', { op: 'remove', path: 'Department' }, { manager: { value: 'm1' } }],
    ['no-path replace of employeeNumber', { op: 'replace', value: { employeeNumber: '9' } }, { department: 'Tour', manager: { value: 'm1' }, employeeNumber: '9' }],
  ])('%s', (_label, op, extension) => {
    expect(patch([op])[ENT]).toEqual(extension);
  });
});

describe('applyPatch: errors and atomicity', () => {
  it.each<[string, PatchOperation[], string]>([
    ['remove without path', [{ op: 'remove' }], 'noTarget'],
    ['readOnly id', [{ op: 'replace', path: 'id', value: 'x' }], 'mutability'],
    ['readOnly meta', [{ op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }], 'mutability'],
    ['readOnly groups', [{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], 'mutability'],
    ['readOnly manager.displayName', [{ op: 'replace', path: `${ENT}:manager.displayName`, value: 'x' }], 'mutability'],
    ['unknown attribute', [{ op: 'replace', path: 'shoeSize', value: 1 }], 'invalidPath'],
    ['unknown sub-attribute', [{ op: 'replace', path: 'name.nope', value: 1 }], 'invalidPath'],
    ['unknown extension', [{ op: 'replace', path: 'urn:x:y:z:attr', value: 1 }], 'invalidPath'],
    ['malformed path', [{ op: 'replace', path: 'emails[type eq', value: 1 }], 'invalidPath'],
    ['filter on a single-valued attribute', [{ op: 'replace', path: 'name[givenName eq "x"]', value: {} }], 'invalidPath'],
    ['filtered sub-attribute that does not exist', [{ op: 'replace', path: 'emails[type eq "work"].nope', value: 'x' }], 'invalidPath'],
    ['wrong type', [{ op: 'replace', path: 'active', value: 'maybe' }], 'invalidValue'],
    ['non-object no-path value', [{ op: 'replace', value: 'x' }], 'invalidValue'],
    ['removing a required attribute', [{ op: 'remove', path: 'userName' }], 'invalidValue'],
    ['two primaries in one add', [{ op: 'add', path: 'emails', value: [{ value: 'a', primary: true }, { value: 'b', primary: true }] }], 'invalidValue'],
    ['non-eq filter that matches nothing (RFC noTarget)', [{ op: 'replace', path: 'emails[value co "zzz"].type', value: 'x' }], 'noTarget'],
  ])('%s → 400 %s', (_label, ops, scimType) => {
    expect(scimError(() => patch(ops))).toMatchObject({ status: 400, scimType });
  });

  it('leaves the input untouched when a later operation fails', () => {
    const snapshot = structuredClone(base);
    expect(() =>
      patch([
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'x@y' },
        { op: 'replace', path: 'id', value: 'boom' },
      ]),
    ).toThrow(ScimError);
    expect(base).toEqual(snapshot);
  });

  it('does not mutate the input on success either', () => {
    const snapshot = structuredClone(base);
    patch([{ op: 'replace', path: 'emails[type eq "work"].value', value: 'x@y' }]);
    expect(base).toEqual(snapshot);
  });
});
