import { describe, expect, it } from 'vitest';
import {
  buildResourceTypes,
  buildSchemasList,
  buildServiceProviderConfig,
  findResourceTypeById,
  findSchemaById,
} from './discovery.js';

const BASE = 'https://roster.test/pp/scim/v2/acme';

describe('buildServiceProviderConfig', () => {
  const config = buildServiceProviderConfig({
    baseUrl: BASE,
    bulk: { supported: true, maxOperations: 100, maxPayloadSize: 1_048_576 },
    filterMaxResults: 200,
  });

  it.each([
    ['patch', { supported: true }],
    ['bulk', { supported: true, maxOperations: 100, maxPayloadSize: 1_048_576 }],
    ['filter', { supported: true, maxResults: 200 }],
    ['changePassword', { supported: false }],
    ['sort', { supported: true }],
    ['etag', { supported: true }],
    ['meta', { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` }],
  ])('advertises %s', (key, value) => {
    expect(config[key]).toEqual(value);
  });

  it('names the bearer token scheme', () => {
    expect(config.authenticationSchemes).toEqual([expect.objectContaining({ type: 'oauthbearertoken', primary: true })]);
  });
});

describe('buildResourceTypes', () => {
  it('lists User and Group as a ListResponse with locations', () => {
    const list = buildResourceTypes(BASE);
    expect(list.totalResults).toBe(2);
    expect(list.Resources[0]).toMatchObject({
      id: 'User',
      endpoint: '/Users',
      schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
      schemaExtensions: [{ schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false }],
      meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/User` },
    });
    expect(list.Resources[1]).toMatchObject({ id: 'Group', endpoint: '/Groups', schemaExtensions: [] });
  });
});

describe('buildSchemasList', () => {
  const list = buildSchemasList(BASE);

  it('lists the three schemas with locations', () => {
    expect(list.Resources.map((s) => s.id)).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
    ]);
    expect(list.Resources[0]?.meta).toEqual({
      resourceType: 'Schema',
      location: `${BASE}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`,
    });
  });

  it('never emits null values (Entra, SCIM-NOTES §2.2)', () => {
    expect(JSON.stringify(list)).not.toContain('null');
  });

  it('renders sub-attributes and characteristics', () => {
    const user = list.Resources[0] as { attributes: Array<Record<string, unknown>> };
    const emails = user.attributes.find((a) => a.name === 'emails');
    expect(emails).toMatchObject({ multiValued: true, type: 'complex', mutability: 'readWrite', returned: 'default' });
    expect(emails?.subAttributes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'primary', type: 'boolean' })]));
  });
});

describe('lookups', () => {
  it.each([
    ['urn:ietf:params:scim:schemas:core:2.0:user', 'User'],
    ['URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP', 'Group'],
  ])('findSchemaById(%s)', (urn, name) => {
    expect(findSchemaById(urn)?.name).toBe(name);
  });

  it('findResourceTypeById is case-insensitive', () => {
    expect(findResourceTypeById('user')?.endpoint).toBe('/Users');
    expect(findResourceTypeById('nope')).toBeUndefined();
  });
});
