import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { normalizeGroupInput, normalizeUserInput, parseMemberList } from './normalize.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function scimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('normalizeUserInput', () => {
  it('accepts the Entra create body (SCIM-NOTES §2.4)', () => {
    const result = normalizeUserInput({
      schemas: [USER, ENT],
      externalId: '0a21f0f2',
      userName: 'Test_User_00aa',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User@TestUser.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
      addresses: null,
      phoneNumbers: null,
      title: null,
      [ENT]: { manager: null, department: 'Eng' },
    });
    expect(result.attributes).toEqual({
      externalId: '0a21f0f2',
      userName: 'Test_User_00aa',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User@TestUser.com' }],
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      [ENT]: { department: 'Eng' },
    });
    expect(result).toMatchObject({ userName: 'Test_User_00aa', externalId: '0a21f0f2', active: true, displayName: null });
    expect(result.emailValues).toEqual(['test_user@testuser.com']);
  });

  it('accepts the Okta create body with a password and groups:[] (SCIM-NOTES §3.2)', () => {
    const result = normalizeUserInput({
      schemas: [USER],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(result.password).toBe('1mz050nq');
    expect(result.attributes).not.toHaveProperty('password');
    expect(result.attributes).not.toHaveProperty('groups');
    expect(result.displayName).toBe('Test User');
  });

  it.each([
    ['Entra "Primary"/"Department" capitalisation', { UserName: 'a', Emails: [{ Primary: 'True', Value: 'x@y' }] }, { userName: 'a', emails: [{ primary: true, value: 'x@y' }] }],
    ['"Manager":{"Value":…}', { userName: 'a', [ENT.toUpperCase()]: { Manager: { Value: 'm1' }, Department: 'D' } }, { userName: 'a', [ENT]: { manager: { value: 'm1' }, department: 'D' } }],
    ['manager as a bare string (Entra, SCIM-NOTES §2.6)', { userName: 'a', [ENT]: { manager: 'm1' } }, { userName: 'a', [ENT]: { manager: { value: 'm1' } } }],
    ['manager {"value":""} means unassigned', { userName: 'a', [ENT]: { manager: { value: '' } } }, { userName: 'a' }],
    ['"False" on active', { userName: 'a', active: 'False' }, { userName: 'a', active: false }],
    ['"true" on roles.primary', { userName: 'a', roles: [{ primary: 'true', value: 'r' }] }, { userName: 'a', roles: [{ primary: true, value: 'r' }] }],
    ['dotted and URN-qualified keys', { userName: 'a', 'name.givenName': 'G', [`${ENT}:employeeNumber`]: '7' }, { userName: 'a', name: { givenName: 'G' }, [ENT]: { employeeNumber: '7' } }],
    ['unknown extension blocks verbatim', { userName: 'a', 'urn:okta:custom:1.0:User': { Shoe: 42 } }, { userName: 'a', 'urn:okta:custom:1.0:User': { Shoe: 42 } }],
    ['readOnly id/meta/groups and manager.displayName dropped', { id: 'x', meta: {}, groups: [{ value: 'g' }], userName: 'a', [ENT]: { manager: { value: 'm', displayName: 'M' } } }, { userName: 'a', [ENT]: { manager: { value: 'm' } } }],
    ['a single object for a multi-valued attribute', { userName: 'a', emails: { value: 'x@y' } }, { userName: 'a', emails: [{ value: 'x@y' }] }],
    ['empty objects and null elements', { userName: 'a', name: {}, emails: [null, { value: null }] }, { userName: 'a' }],
    ['unknown schema URIs in schemas[] (Entra group/user create)', { schemas: ['http://schemas.microsoft.com/x', `${ENT.replace(':User', 'User')}`], userName: 'a' }, { userName: 'a' }],
  ])('%s', (_label, body, expected) => {
    expect(normalizeUserInput(body).attributes).toEqual({ active: true, ...expected });
  });

  it('reports unknown core attributes instead of storing them', () => {
    const result = normalizeUserInput({ userName: 'a', shoeSize: 42 });
    expect(result.attributes).not.toHaveProperty('shoeSize');
    expect(result.ignoredAttributes).toEqual(['shoeSize']);
  });

  it('files unqualified extension names under their extension (README, unqualified names)', () => {
    const result = normalizeUserInput({ userName: 'a', manager: 'm1', Department: 'Ops' });
    expect(result.attributes[ENT]).toEqual({ manager: { value: 'm1' }, department: 'Ops' });
    expect(result.ignoredAttributes).toEqual([]);
  });

  it('drops keys under a declared schema that name none of its attributes (issue 12)', () => {
    const result = normalizeUserInput({ userName: 'a', [`${ENT}:schemas`]: [ENT], [`${USER}:shoeSize`]: 1, 'urn:okta:custom:1.0:User': { a: 1 } });
    expect(Object.keys(result.attributes).sort()).toEqual(['active', 'urn:okta:custom:1.0:User', 'userName']);
    expect(result.ignoredAttributes).toEqual([`${ENT}:schemas`, `${USER}:shoeSize`]);
  });

  it.each([
    ['missing userName', {}, 'invalidValue', 'userName'],
    ['blank userName', { userName: ' ' }, 'invalidValue', 'userName'],
    ['non-string userName', { userName: 5 }, 'invalidValue', 'userName'],
    ['non-boolean active', { userName: 'a', active: 'yes' }, 'invalidValue', 'active'],
    ['emails not objects', { userName: 'a', emails: [5] }, 'invalidValue', 'emails[0]'],
    ['name as a string', { userName: 'a', name: 'Bob' }, 'invalidValue', 'name'],
    ['two primaries', { userName: 'a', emails: [{ value: 'a', primary: true }, { value: 'b', primary: 'True' }] }, 'invalidValue', 'primary'],
    ['two values for a single-valued attribute', { userName: 'a', title: ['a', 'b'] }, 'invalidValue', 'title'],
    ['array body', [], 'invalidSyntax', 'object'],
    ['extension as a string', { userName: 'a', [ENT]: 'x' }, 'invalidValue', ENT],
  ])('rejects %s', (_label, body, scimType, mention) => {
    const error = scimError(() => normalizeUserInput(body));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    expect(error.detail).toContain(mention);
  });

  it('keeps active:false and reads promoted fields', () => {
    const result = normalizeUserInput({ userName: 'a', active: false, emails: [{ value: 'A@x' }, { value: 'a@X' }] });
    expect(result.active).toBe(false);
    expect(result.emailValues).toEqual(['a@x']);
  });
});

describe('normalizeGroupInput', () => {
  it('accepts the Entra group create with an unknown schema and meta (SCIM-NOTES §2.4)', () => {
    const result = normalizeGroupInput({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    });
    expect(result).toEqual({
      attributes: { externalId: '8aa1', displayName: 'displayName' },
      displayName: 'displayName',
      externalId: '8aa1',
      members: [],
      ignoredAttributes: [],
    });
  });

  it('detaches members: Okta display, Entra $ref:null, duplicates, type case', () => {
    const result = normalizeGroupInput({
      DisplayName: 'Eng',
      Members: [{ value: 'u1', display: 'a@okta' }, { $ref: null, value: 'u2', type: 'group' }, { value: 'u1' }],
    });
    expect(result.attributes).toEqual({ displayName: 'Eng' });
    expect(result.members).toEqual([{ value: 'u1' }, { value: 'u2', type: 'Group' }]);
  });

  it.each([
    ['missing displayName', { members: [] }],
    ['member without value', { displayName: 'x', members: [{ display: 'a' }] }],
    ['member with a bad type', { displayName: 'x', members: [{ value: 'a', type: 'Robot' }] }],
  ])('rejects %s', (_label, body) => {
    expect(scimError(() => normalizeGroupInput(body))).toMatchObject({ status: 400, scimType: 'invalidValue' });
  });

  it('parseMemberList accepts plain strings and null', () => {
    expect(parseMemberList(['a', 'b'])).toEqual([{ value: 'a' }, { value: 'b' }]);
    expect(parseMemberList(null)).toEqual([]);
  });
});
