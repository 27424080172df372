import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import type { Filter } from './ast.js';
import { parseAttributePath, parseFilter, parsePatchPath } from './parser.js';

const cmp = (name: string, operator: string, value: unknown, extra: Record<string, string> = {}): Filter =>
  ({ kind: 'compare', path: { ...extra, name }, operator, value }) as Filter;
const sub = (name: string, subAttribute: string, operator: string, value: unknown): Filter =>
  ({ kind: 'compare', path: { name, subAttribute }, operator, value }) as Filter;
const and = (left: Filter, right: Filter): Filter => ({ kind: 'and', left, right });
const or = (left: Filter, right: Filter): Filter => ({ kind: 'or', left, right });
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('parseFilter: RFC 7644 §3.4.2.2 vectors', () => {
  it.each<[string, Filter]>([
    ['userName eq "bjensen"', cmp('userName', 'eq', 'bjensen')],
    ['name.familyName co "O\'Malley"', sub('name', 'familyName', 'co', "O'Malley")],
    ['userName sw "J"', cmp('userName', 'sw', 'J')],
    [`${USER}:userName sw "J"`, cmp('userName', 'sw', 'J', { uri: USER })],
    ['title pr', { kind: 'present', path: { name: 'title' } }],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', sub('meta', 'lastModified', 'gt', '2011-05-13T04:42:34Z')],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', sub('meta', 'lastModified', 'ge', '2011-05-13T04:42:34Z')],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', sub('meta', 'lastModified', 'lt', '2011-05-13T04:42:34Z')],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', sub('meta', 'lastModified', 'le', '2011-05-13T04:42:34Z')],
    ['title pr and userType eq "Employee"', and({ kind: 'present', path: { name: 'title' } }, cmp('userType', 'eq', 'Employee'))],
    ['title pr or userType eq "Intern"', or({ kind: 'present', path: { name: 'title' } }, cmp('userType', 'eq', 'Intern'))],
    [
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      cmp('schemas', 'eq', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'),
    ],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(cmp('userType', 'eq', 'Employee'), or(cmp('emails', 'co', 'example.com'), sub('emails', 'value', 'co', 'example.org'))),
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(cmp('userType', 'ne', 'Employee'), {
        kind: 'not',
        filter: or(cmp('emails', 'co', 'example.com'), sub('emails', 'value', 'co', 'example.org')),
      }),
    ],
    ['userType eq "Employee" and (emails.type eq "work")', and(cmp('userType', 'eq', 'Employee'), sub('emails', 'type', 'eq', 'work'))],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      and(cmp('userType', 'eq', 'Employee'), {
        kind: 'valuePath',
        path: { name: 'emails' },
        filter: and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com')),
      }),
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      or(
        { kind: 'valuePath', path: { name: 'emails' }, filter: and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com')) },
        { kind: 'valuePath', path: { name: 'ims' }, filter: and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com')) },
      ),
    ],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: precedence, literals and IdP shapes', () => {
  it.each<[string, Filter]>([
    ['a eq 1 or b eq 2 and c eq 3', or(cmp('a', 'eq', 1), and(cmp('b', 'eq', 2), cmp('c', 'eq', 3)))],
    ['(a eq 1 or b eq 2) and c eq 3', and(or(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
    ['not (a eq 1) and b eq 2', and({ kind: 'not', filter: cmp('a', 'eq', 1) }, cmp('b', 'eq', 2))],
    ['USERNAME EQ "x" AND active Eq TRUE', and(cmp('USERNAME', 'eq', 'x'), cmp('active', 'eq', true))],
    ['x eq false', cmp('x', 'eq', false)],
    ['x eq null', cmp('x', 'eq', null)],
    ['x gt -1.5e2', cmp('x', 'gt', -150)],
    ['x eq "a\\"b\\\\c\\u00e9\\n"', cmp('x', 'eq', 'a"b\\cé\n')],
    ['x eq ""', cmp('x', 'eq', '')],
    ['  userName   eq\t"a"  ', cmp('userName', 'eq', 'a')],
    // Entra: emails[type eq "work"].value eq "…" (SCIM-NOTES §1.4)
    [
      'emails[type eq "work"].value eq "a@x.com"',
      { kind: 'valuePath', path: { name: 'emails' }, filter: and(cmp('type', 'eq', 'work'), cmp('value', 'eq', 'a@x.com')) },
    ],
    // Entra's roles[primary eq "True"] (SCIM-NOTES §1.4) parses; coercion happens at evaluation.
    ['roles[primary eq "True"]', { kind: 'valuePath', path: { name: 'roles' }, filter: cmp('primary', 'eq', 'True') }],
    ['members[value eq "abc"]', { kind: 'valuePath', path: { name: 'members' }, filter: cmp('value', 'eq', 'abc') }],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "m"',
      { kind: 'compare', path: { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', name: 'manager', subAttribute: 'value' }, operator: 'eq', value: 'm' },
    ],
    ['members.$ref pr', { kind: 'present', path: { name: 'members', subAttribute: '$ref' } }],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: unquoted single words (Microsoft reference Postman collection, issue 12)', () => {
  it.each([
    ['userName sw O', { kind: 'compare', path: { name: 'userName' }, operator: 'sw', value: 'O' }],
    ['name.FamilyName eq Employee', { kind: 'compare', path: { name: 'name', subAttribute: 'FamilyName' }, operator: 'eq', value: 'Employee' }],
    ['externalId eq jyoung', { kind: 'compare', path: { name: 'externalId' }, operator: 'eq', value: 'jyoung' }],
    ['emails[type eq work]', { kind: 'valuePath', path: { name: 'emails' }, filter: { kind: 'compare', path: { name: 'type' }, operator: 'eq', value: 'work' } }],
    ['(title eq Boss) or active eq True', {
      kind: 'or',
      left: { kind: 'compare', path: { name: 'title' }, operator: 'eq', value: 'Boss' },
      right: { kind: 'compare', path: { name: 'active' }, operator: 'eq', value: true },
    }],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: malformed → 400 invalidFilter with position', () => {
  it.each([
    ['', 'empty'],
    ['userName', "Expected an operator"],
    ['userName eq', 'end of the input'],
    ['userName eq "abc', 'Unterminated string at character 13'],
    ['userName xx "a"', "found 'xx'"],
    ['displayName eq John Smith', 'Unquoted value after \'eq\'; put string values in double quotes: eq "John Smith" at character 16'],
    ['displayName eq John Smith and active eq true', 'eq "John Smith" at character 16'],
    ['userName eq and', 'eq "and"'],
    ['(userName eq "a"', "Expected ')'"],
    ['userName eq "a")', "Unexpected ')'"],
    ['userName eq "a" and', 'an attribute name'],
    ['emails[type eq "work"', "Expected ']'"],
    ['emails[type[value eq "a"] eq "b"]', 'cannot be nested'],
    ['userName eq "a" # 1', "Unexpected character '#' at character 17"],
    ['x eq "bad \\q escape"', 'Invalid escape'],
    ['name..givenName eq "a"', 'Invalid attribute path'],
    ['userName eq "a" userName eq "b"', "Unexpected 'userName'"],
  ])('%j', (text, detail) => {
    let caught: unknown;
    try {
      parseFilter(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect((caught as ScimError).detail).toContain(detail);
  });
});

describe('parseAttributePath', () => {
  it.each([
    ['userName', { name: 'userName' }],
    ['name.familyName', { name: 'name', subAttribute: 'familyName' }],
    [`${USER}:name.familyName`, { uri: USER, name: 'name', subAttribute: 'familyName' }],
  ])('%s', (text, expected) => {
    expect(parseAttributePath(text)).toEqual(expected);
  });

  it.each(['', 'a b', 'emails[type eq "x"]', 'a..b'])('rejects %j', (text) => {
    expect(() => parseAttributePath(text, 'invalidValue')).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});

describe('parsePatchPath', () => {
  it.each([
    ['members', { path: { name: 'members' } }],
    ['name.familyName', { path: { name: 'name', subAttribute: 'familyName' } }],
    ['addresses[type eq "work"]', { path: { name: 'addresses' }, valueFilter: cmp('type', 'eq', 'work') }],
    [
      'members[value eq "2819c223-7f76-453a-919d-413861904646"].displayName',
      { path: { name: 'members' }, valueFilter: cmp('value', 'eq', '2819c223-7f76-453a-919d-413861904646'), subAttribute: 'displayName' },
    ],
    [
      'emails[type eq "work"].value',
      { path: { name: 'emails' }, valueFilter: cmp('type', 'eq', 'work'), subAttribute: 'value' },
    ],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
      { path: { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', name: 'manager' } },
    ],
    ['roles[primary eq "True"].display', { path: { name: 'roles' }, valueFilter: cmp('primary', 'eq', 'True'), subAttribute: 'display' }],
  ])('%s', (text, expected) => {
    expect(parsePatchPath(text)).toEqual(expected);
  });

  it.each(['', 'emails[type eq "work"', 'emails]', 'name.givenName[type eq "x"]', 'emails[type eq "w"].', 'a b'])(
    'rejects %j with 400',
    (text) => {
      expect(() => parsePatchPath(text)).toThrow(expect.objectContaining({ status: 400 }));
    },
  );
});
