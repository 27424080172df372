import { describe, expect, it } from 'vitest';
import { flattenAttributes } from './scim-attributes.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('flattenAttributes', () => {
  it('lists the attributes not laid out elsewhere as path and text', () => {
    const resource = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      id: 'u1',
      userName: 'ada',
      title: 'Engineer',
      phoneNumbers: [{ value: '+44 1', type: 'work' }, { value: '+44 2', type: 'mobile' }],
      addresses: [{ locality: 'London' }],
      [ENTERPRISE]: { department: 'R&D', manager: { value: 'm1', displayName: 'Grace' } },
      nickName: null,
      x500: 7,
    };
    expect(flattenAttributes(resource, ['schemas', 'id', 'userName'])).toEqual([
      ['title', 'Engineer'],
      ['phoneNumbers[1].value', '+44 1'],
      ['phoneNumbers[1].type', 'work'],
      ['phoneNumbers[2].value', '+44 2'],
      ['phoneNumbers[2].type', 'mobile'],
      ['addresses.locality', 'London'],
      [`${ENTERPRISE}.department`, 'R&D'],
      [`${ENTERPRISE}.manager.value`, 'm1'],
      [`${ENTERPRISE}.manager.displayName`, 'Grace'],
      ['x500', '7'],
    ]);
  });

  it('is empty for anything but an object', () => {
    expect(flattenAttributes(null, [])).toEqual([]);
    expect(flattenAttributes([1], [])).toEqual([]);
    expect(flattenAttributes('x', [])).toEqual([]);
  });
});
