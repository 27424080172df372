import { describe, expect, it } from 'vitest';
import { COMMON_ATTRIBUTES } from './common-attributes.js';
import { GROUP_SCHEMA } from './group-schema.js';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema.js';
import { attribute, complex } from './schema-types.js';

describe('attribute', () => {
  it('applies the RFC 7643 §2.2 defaults', () => {
    expect(attribute('x', 'string')).toEqual({
      name: 'x',
      type: 'string',
      multiValued: false,
      description: '',
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    });
  });

  it('complex carries sub-attributes', () => {
    expect(complex('c', [attribute('s', 'string')]).subAttributes).toHaveLength(1);
  });
});

describe('schema data', () => {
  it.each([
    [COMMON_ATTRIBUTES, 'id', { mutability: 'readOnly', returned: 'always', caseExact: true }],
    [COMMON_ATTRIBUTES, 'externalId', { caseExact: true, mutability: 'readWrite' }],
    [GROUP_SCHEMA.attributes, 'displayName', { required: true }],
    [ENTERPRISE_USER_SCHEMA.attributes, 'manager', { type: 'complex' }],
  ])('%#: %s', (list, name, expected) => {
    expect(list.find((a) => a.name === name)).toMatchObject(expected);
  });

  it('group members have value, $ref, type and display', () => {
    const members = GROUP_SCHEMA.attributes.find((a) => a.name === 'members');
    expect(members?.subAttributes?.map((a) => a.name)).toEqual(['value', '$ref', 'type', 'display']);
  });
});
