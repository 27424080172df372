import { describe, expect, it } from 'vitest';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import { containerFor, pruneExtension, shapeResource } from './resource-shape.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('shapeResource', () => {
  it('merges an object and dotted keys for the same attribute', () => {
    expect(shapeResource(USER_RESOURCE_TYPE, { name: { givenName: 'a' }, 'name.familyName': 'b' }).resource).toEqual({
      name: { givenName: 'a', familyName: 'b' },
    });
  });

  it('merges a URN block and URN-qualified keys', () => {
    expect(shapeResource(USER_RESOURCE_TYPE, { [ENT]: { department: 'd' }, [`${ENT}:costCenter`]: 'c' }).resource).toEqual({
      [ENT]: { department: 'd', costCenter: 'c' },
    });
  });

  it('reads a block keyed by the core schema URN as top-level attributes', () => {
    expect(shapeResource(USER_RESOURCE_TYPE, { 'urn:ietf:params:scim:schemas:core:2.0:User': { userName: 'a' } }).resource).toEqual({ userName: 'a' });
  });

  it('reports unknown extension attributes of known schemas', () => {
    expect(shapeResource(USER_RESOURCE_TYPE, { [ENT]: { shoe: 1 } })).toEqual({ resource: {}, ignored: [`${ENT}:shoe`] });
  });

  it('treats the enterprise URN as unknown on groups (kept verbatim)', () => {
    expect(shapeResource(GROUP_RESOURCE_TYPE, { [ENT]: { a: 1 } }).resource).toEqual({ [ENT]: { a: 1 } });
  });
});

describe('containerFor / pruneExtension', () => {
  it('creates and prunes extension blocks', () => {
    const resource: Record<string, unknown> = {};
    const block = containerFor(resource, { extension: true, schema: { id: ENT, name: '', description: '', attributes: [] } });
    expect(resource[ENT]).toBe(block);
    pruneExtension(resource, ENT);
    expect(resource).toEqual({});
  });
});
