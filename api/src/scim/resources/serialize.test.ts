import { describe, expect, it } from 'vitest';
import { parseProjection } from './projection.js';
import { serializeGroup, serializeUser, type GroupRow, type UserRow } from './serialize.js';

const BASE = 'https://roster.test/pp/scim/v2/acme';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user: UserRow = {
  id: '11111111-1111-4111-8111-111111111111',
  userName: 'bjensen',
  externalId: 'ext-1',
  displayName: 'Babs',
  active: true,
  attributes: {
    userName: 'old-name',
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    emails: [{ value: 'b@x.com', type: 'work', primary: true }],
    password: 'leaked?',
    [ENT]: { department: 'Tour' },
  },
  createdAt: new Date('2024-01-02T03:04:05Z'),
  updatedAt: '2024-02-03T04:05:06.000Z',
  version: 3,
};

describe('serializeUser', () => {
  const json = serializeUser(user, { baseUrl: BASE });

  it('renders schemas, id, meta and promoted columns', () => {
    expect(json).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
      id: user.id,
      userName: 'bjensen',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ value: 'b@x.com', type: 'work', primary: true }],
      [ENT]: { department: 'Tour' },
      externalId: 'ext-1',
      displayName: 'Babs',
      active: true,
      meta: {
        resourceType: 'User',
        created: '2024-01-02T03:04:05.000Z',
        lastModified: '2024-02-03T04:05:06.000Z',
        location: `${BASE}/Users/${user.id}`,
        version: 'W/"3"',
      },
    });
  });

  it('never emits password', () => {
    expect(JSON.stringify(json)).not.toContain('leaked');
  });

  it('renders groups with $ref and omits an empty or unloaded list', () => {
    const withGroups = serializeUser({ ...user, groups: [{ value: 'g1', display: 'Eng' }] }, { baseUrl: BASE });
    expect(withGroups.groups).toEqual([{ value: 'g1', $ref: `${BASE}/Groups/g1`, display: 'Eng', type: 'direct' }]);
    expect(serializeUser({ ...user, groups: [] }, { baseUrl: BASE })).not.toHaveProperty('groups');
  });

  it('drops a null externalId column even if attributes had one', () => {
    const json = serializeUser({ ...user, externalId: null, attributes: { externalId: 'stale' } }, { baseUrl: BASE });
    expect(json).not.toHaveProperty('externalId');
  });

  it('advertises unknown extension blocks in schemas', () => {
    const json = serializeUser({ ...user, attributes: { 'urn:okta:custom:1.0:User': { shoe: 1 } } }, { baseUrl: BASE });
    expect(json.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:okta:custom:1.0:User']);
  });

  it('applies a projection', () => {
    const json = serializeUser(user, { baseUrl: BASE, projection: parseProjection('userName') });
    expect(json).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
      id: user.id,
      userName: 'bjensen',
      meta: { resourceType: 'User' },
    });
  });
});

describe('serializeGroup', () => {
  const group: GroupRow = {
    id: 'g1',
    displayName: 'Eng',
    externalId: null,
    attributes: { displayName: 'Eng' },
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    version: 1,
  };

  it('renders "members": [] when loaded and empty (Entra create response)', () => {
    expect(serializeGroup({ ...group, members: [] }, { baseUrl: BASE })).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 'g1',
      displayName: 'Eng',
      members: [],
      meta: { resourceType: 'Group', location: `${BASE}/Groups/g1`, version: 'W/"1"' },
    });
  });

  it('renders members with $ref by type and omits unloaded members', () => {
    const json = serializeGroup(
      { ...group, members: [{ value: 'u1', type: 'User', display: 'Bob' }, { value: 'g2', type: 'Group' }] },
      { baseUrl: BASE },
    );
    expect(json.members).toEqual([
      { value: 'u1', $ref: `${BASE}/Users/u1`, type: 'User', display: 'Bob' },
      { value: 'g2', $ref: `${BASE}/Groups/g2`, type: 'Group' },
    ]);
    expect(serializeGroup(group, { baseUrl: BASE })).not.toHaveProperty('members');
  });

  it('honours excludedAttributes=members', () => {
    const json = serializeGroup({ ...group, members: [] }, { baseUrl: BASE, projection: parseProjection(null, 'members') });
    expect(json).not.toHaveProperty('members');
    expect(json.displayName).toBe('Eng');
  });
});
