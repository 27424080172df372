import { describe, expect, it } from 'vitest';
import { findAttribute, isForeignSchemaKey, leafAttribute, resolveAttributeName, splitAttributeName } from './attribute-lookup.js';
import { ENTERPRISE_USER_SCHEMA_URN } from './enterprise-user-schema.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './resource-types.js';
import { USER_SCHEMA } from './user-schema.js';

const ENT = ENTERPRISE_USER_SCHEMA_URN;

describe('splitAttributeName', () => {
  it.each([
    ['userName', { name: 'userName' }],
    ['name.givenName', { name: 'name', subAttribute: 'givenName' }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName', { uri: 'urn:ietf:params:scim:schemas:core:2.0:User', name: 'userName' }],
    [`${ENT}:manager.value`, { uri: ENT, name: 'manager', subAttribute: 'value' }],
  ])('%s', (text, expected) => {
    expect(splitAttributeName(text)).toEqual(expected);
  });
});

describe('resolveAttributeName', () => {
  it.each([
    ['userName', 'userName', undefined, false],
    ['USERNAME', 'userName', undefined, false],
    ['name.GivenName', 'name', 'givenName', false],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName', 'userName', undefined, false],
    ['URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:userName', 'userName', undefined, false],
    [`${ENT}:manager.value`, 'manager', 'value', true],
    [`${ENT.toLowerCase()}:Department`, 'department', undefined, true],
    ['id', 'id', undefined, false],
    ['meta.lastModified', 'meta', 'lastModified', false],
    ['externalId', 'externalId', undefined, false],
    ['emails.value', 'emails', 'value', false],
    // Only the enterprise extension defines these, so the URN may be left out (Entra, SCIM-NOTES §2.4).
    ['department', 'department', undefined, true],
    ['Manager.Value', 'manager', 'value', true],
  ])('%s → %s.%s', (text, attribute, sub, extension) => {
    const resolved = resolveAttributeName(USER_RESOURCE_TYPE, text);
    expect(resolved?.kind).toBe('attribute');
    if (resolved?.kind !== 'attribute') return;
    expect(resolved.attribute.name).toBe(attribute);
    expect(resolved.subAttribute?.name).toBe(sub);
    expect(resolved.extension).toBe(extension);
  });

  it('resolves a bare extension URN to the whole schema', () => {
    const resolved = resolveAttributeName(USER_RESOURCE_TYPE, ENT.toUpperCase());
    expect(resolved).toMatchObject({ kind: 'schema', schema: { id: ENT } });
  });

  it.each(['nope', 'name.nope', 'userName.x', 'urn:example:unknown:attr', `${ENT}:userName`, 'name.department'])(
    'does not resolve %s',
    (text) => {
      expect(resolveAttributeName(USER_RESOURCE_TYPE, text)).toBeUndefined();
    },
  );

  it('resolves group members but not user attributes on groups', () => {
    expect(resolveAttributeName(GROUP_RESOURCE_TYPE, 'members.value')).toMatchObject({ kind: 'attribute' });
    expect(resolveAttributeName(GROUP_RESOURCE_TYPE, 'userName')).toBeUndefined();
  });

  it('leafAttribute picks the sub-attribute', () => {
    const resolved = resolveAttributeName(USER_RESOURCE_TYPE, 'emails.primary');
    if (resolved?.kind !== 'attribute') throw new Error('expected attribute');
    expect(leafAttribute(resolved).type).toBe('boolean');
  });
});

describe('isForeignSchemaKey', () => {
  it.each([
    ['urn:okta:custom:1.0:User', true],
    ['urn:okta:custom:1.0:User:costCenter', true],
    [ENT, false],
    [`${ENT}:schemas`, false],
    [`${ENT.toUpperCase()}:shoeSize`, false],
    ['urn:ietf:params:scim:schemas:core:2.0:User:id', false],
    ['userName', false],
  ])('%s → %s', (key, foreign) => {
    expect(isForeignSchemaKey(USER_RESOURCE_TYPE, key)).toBe(foreign);
  });
});

describe('user schema', () => {
  it.each([
    ['userName', { required: true, uniqueness: 'server', caseExact: false }],
    ['password', { mutability: 'writeOnly', returned: 'never' }],
    ['groups', { mutability: 'readOnly', multiValued: true }],
    ['active', { type: 'boolean' }],
    ['x509Certificates', { multiValued: true, type: 'complex' }],
  ])('%s has the RFC characteristics', (name, expected) => {
    expect(findAttribute(USER_SCHEMA.attributes, name)).toMatchObject(expected);
  });

  it('has every RFC 7643 §4.1 core attribute', () => {
    expect(USER_SCHEMA.attributes.map((a) => a.name)).toEqual([
      'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale',
      'timezone', 'active', 'password', 'emails', 'phoneNumbers', 'ims', 'photos', 'addresses', 'groups', 'entitlements',
      'roles', 'x509Certificates',
    ]);
  });
});
