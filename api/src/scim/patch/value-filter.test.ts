import { describe, expect, it } from 'vitest';
import { parseFilter } from '../filter/parser.js';
import { findAttribute } from '../schema/attribute-lookup.js';
import { USER_SCHEMA } from '../schema/user-schema.js';
import { impliedElement, matchesElement } from './value-filter.js';

const emails = findAttribute(USER_SCHEMA.attributes, 'emails')!;
const element = { value: 'Babs@Example.com', type: 'work', primary: true };

describe('matchesElement', () => {
  it.each([
    ['type eq "work"', true],
    ['type eq "WORK"', true],
    ['type ne "work"', false],
    ['value co "example"', true],
    ['value sw "babs"', true],
    ['value ew ".org"', false],
    ['primary eq true', true],
    ['primary eq "True"', true],
    ['Primary eq "false"', false],
    ['display pr', false],
    ['display eq null', true],
    ['type eq "work" and value co "@example.com"', true],
    ['type eq "home" or primary eq true', true],
    ['not (type eq "work")', false],
    ['value gt "a"', true],
  ])('%s → %s', (filter, expected) => {
    expect(matchesElement(element, parseFilter(filter), emails)).toBe(expected);
  });

  it('never matches non-objects', () => {
    expect(matchesElement('x', parseFilter('value eq "x"'), emails)).toBe(false);
  });

  it.each(['nope eq "x"', 'primary gt true', 'type.x eq "a"'])('rejects %s', (filter) => {
    expect(() => matchesElement(element, parseFilter(filter), emails)).toThrow(expect.objectContaining({ scimType: 'invalidFilter' }));
  });
});

describe('impliedElement', () => {
  it.each([
    ['type eq "work"', { type: 'work' }],
    ['type eq "work" and primary eq "True"', { type: 'work', primary: true }],
    ['type eq "work" or type eq "home"', undefined],
    ['value co "x"', undefined],
    ['type eq null', undefined],
  ])('%s', (filter, expected) => {
    expect(impliedElement(parseFilter(filter), emails)).toEqual(expected);
  });
});
