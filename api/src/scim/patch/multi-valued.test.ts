import { describe, expect, it } from 'vitest';
import { parseFilter } from '../filter/parser.js';
import { findAttribute } from '../schema/attribute-lookup.js';
import { USER_SCHEMA } from '../schema/user-schema.js';
import { addElements, applyFiltered, enforcePrimary, findDuplicate, removeListed } from './multi-valued.js';

const emails = findAttribute(USER_SCHEMA.attributes, 'emails')!;
const list = () => [
  { value: 'a@x', type: 'work', primary: true },
  { value: 'b@x', type: 'home' },
];

describe('findDuplicate', () => {
  it.each([
    [{ value: 'A@X' }, 0],
    [{ value: 'a@x', type: 'home' }, undefined],
    [{ value: 'b@x', type: 'home' }, 1],
    [{ value: 'c@x' }, undefined],
  ])('%j', (incoming, index) => {
    const current = list();
    expect(findDuplicate(current, incoming, emails)).toBe(index === undefined ? undefined : current[index]);
  });
});

describe('addElements', () => {
  it('appends, merges duplicates and moves primary', () => {
    expect(addElements(list(), [{ value: 'b@x', type: 'home', primary: true }, { value: 'c@x' }], emails)).toEqual([
      { value: 'a@x', type: 'work', primary: false },
      { value: 'b@x', type: 'home', primary: true },
      { value: 'c@x' },
    ]);
  });

  it('starts a list from nothing', () => {
    expect(addElements(undefined, [{ value: 'c@x' }], emails)).toEqual([{ value: 'c@x' }]);
  });
});

describe('enforcePrimary', () => {
  it('rejects two written primaries', () => {
    const items = [{ primary: true }, { primary: true }];
    expect(() => enforcePrimary(items, new Set(items), 'emails')).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});

describe('applyFiltered', () => {
  it.each([
    ['replace a sub-attribute of matches', 'replace', 'type eq "home"', 'display', 'Home', [list()[0], { value: 'b@x', type: 'home', display: 'Home' }]],
    ['upsert on no match', 'add', 'type eq "other"', 'value', 'o@x', [...list(), { type: 'other', value: 'o@x' }]],
    ['remove matches', 'remove', 'value ew "@x"', undefined, undefined, []],
    ['remove a sub-attribute', 'remove', 'type eq "work"', 'primary', undefined, [{ value: 'a@x', type: 'work' }, list()[1]]],
  ] as const)('%s', (_label, op, filter, subAttribute, value, expected) => {
    const target = { filter: parseFilter(filter), ...(subAttribute && { subAttribute }) };
    expect(applyFiltered(list(), emails, target, op, value)).toEqual(expected);
  });

  it('noTarget when nothing matches and no element is implied', () => {
    expect(() => applyFiltered(list(), emails, { filter: parseFilter('value co "zz"'), subAttribute: 'type' }, 'replace', 'x')).toThrow(
      expect.objectContaining({ scimType: 'noTarget' }),
    );
  });
});

describe('removeListed', () => {
  it('removes only the listed values', () => {
    expect(removeListed(list(), emails, [{ value: 'B@x' }])).toEqual([list()[0]]);
  });
});
