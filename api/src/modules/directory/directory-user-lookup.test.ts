import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../scim/filter/parser.js';
import { userNameLookup } from './directory-user-lookup.js';

describe('userNameLookup', () => {
  it.each([
    ['userName eq "ada@example.com"', 'ada@example.com'],
    ['USERNAME EQ "Ada@Example.com"', 'Ada@Example.com'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a\\"b"', 'a"b'],
  ])('takes %s as a lookup of one userName', (text, expected) => {
    expect(userNameLookup(parseFilter(text))).toBe(expected);
  });

  it.each([
    'userName ne "ada"',
    'userName co "ada"',
    'userName eq "ada" or userName eq "bob"',
    'userName eq "ada" and active eq true',
    'externalId eq "ada"',
    'name.givenName eq "ada"',
    'emails[value eq "ada"]',
    'urn:ietf:params:scim:schemas:core:2.0:Group:userName eq "ada"',
  ])('leaves %s to the general filter compiler', (text) => {
    expect(userNameLookup(parseFilter(text))).toBeUndefined();
  });

  it('has nothing to look up without a filter', () => {
    expect(userNameLookup(undefined)).toBeUndefined();
  });
});
