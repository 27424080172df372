import { describe, expect, it } from 'vitest';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import { applyProjection, isAttributeReturned, parseProjection } from './projection.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const resource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
  id: 'u1',
  userName: 'bjensen',
  name: { givenName: 'B', familyName: 'J' },
  emails: [
    { value: 'a@x', type: 'work' },
    { value: 'b@x', type: 'home' },
  ],
  [ENT]: { department: 'D', manager: { value: 'm1' } },
  meta: { resourceType: 'User', version: 'W/"1"' },
};
const base = { schemas: resource.schemas, id: 'u1', meta: { resourceType: 'User' } };

describe('applyProjection with attributes', () => {
  it.each([
    ['userName', { ...base, userName: 'bjensen' }],
    ['USERNAME,name.givenName', { ...base, userName: 'bjensen', name: { givenName: 'B' } }],
    ['emails.value', { ...base, emails: [{ value: 'a@x' }, { value: 'b@x' }] }],
    ['emails.value,emails.type', { ...base, emails: [{ value: 'a@x', type: 'work' }, { value: 'b@x', type: 'home' }] }],
    [`${ENT}:department`, { ...base, [ENT]: { department: 'D' } }],
    [`${ENT}:manager.value`, { ...base, [ENT]: { manager: { value: 'm1' } } }],
    ['manager.value', { ...base, [ENT]: { manager: { value: 'm1' } } }],
    [ENT, { ...base, [ENT]: { department: 'D', manager: { value: 'm1' } } }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName', { ...base, userName: 'bjensen' }],
    ['nope', base],
    ['meta', { ...base, meta: resource.meta }],
  ])('%s', (attributes, expected) => {
    expect(applyProjection(resource, USER_RESOURCE_TYPE, parseProjection(attributes))).toEqual(expected);
  });
});

describe('applyProjection with excludedAttributes', () => {
  it.each([
    ['emails', (r: Record<string, unknown>) => expect(r).not.toHaveProperty('emails')],
    ['id,schemas', (r: Record<string, unknown>) => expect(r).toMatchObject({ id: 'u1', schemas: resource.schemas })],
    ['name.givenName', (r: Record<string, unknown>) => expect(r.name).toEqual({ familyName: 'J' })],
    [`${ENT}:department`, (r: Record<string, unknown>) => expect(r[ENT]).toEqual({ manager: { value: 'm1' } })],
    ['meta', (r: Record<string, unknown>) => expect(r.meta).toEqual({ resourceType: 'User' })],
  ])('%s', (excluded, check) => {
    check(applyProjection(resource, USER_RESOURCE_TYPE, parseProjection(undefined, excluded)));
  });

  it('does not mutate its input', () => {
    applyProjection(resource, USER_RESOURCE_TYPE, parseProjection(undefined, 'emails'));
    expect(resource.emails).toHaveLength(2);
  });

  it('accepts arrays (SearchRequest bodies) and trims', () => {
    expect(parseProjection([' userName ', ''], 'a, b')).toEqual({ attributes: ['userName'], excludedAttributes: ['a', 'b'] });
  });
});

describe('parseProjection: a filter instead of a name (Microsoft reference Postman collection)', () => {
  it('refuses it with 400 invalidValue naming the position and the parameters to send', () => {
    expect(() => parseProjection('userName,emails[type eq "work"]')).toThrow(
      expect.objectContaining({
        status: 400,
        scimType: 'invalidValue',
        detail: '"attributes" takes attribute names, but "emails[type eq "work"]" has a filter at character 7: send attributes=emails (and filter=emails[type eq "work"] to choose the resources)',
      }),
    );
  });
});

describe('isAttributeReturned', () => {
  it.each([
    [parseProjection(), true],
    [parseProjection(undefined, 'members'), false],
    [parseProjection(undefined, 'MEMBERS'), false],
    [parseProjection(undefined, 'members.display'), true],
    [parseProjection('displayName'), false],
    [parseProjection('members.value'), true],
    [parseProjection('displayName,members'), true],
  ])('members with %j → %s', (projection, expected) => {
    expect(isAttributeReturned(GROUP_RESOURCE_TYPE, projection, 'members')).toBe(expected);
  });

  it('answers for groups on users and never for password', () => {
    expect(isAttributeReturned(USER_RESOURCE_TYPE, parseProjection(undefined, 'groups'), 'groups')).toBe(false);
    expect(isAttributeReturned(USER_RESOURCE_TYPE, parseProjection(), 'groups')).toBe(true);
    expect(isAttributeReturned(USER_RESOURCE_TYPE, parseProjection('password'), 'password')).toBe(false);
  });
});
