import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { createParamSink, groupFilterTarget, userFilterTarget, type FilterTarget } from './filter-target.js';
import { parseFilter } from './parser.js';
import { likePattern } from './sql-leaf.js';
import { compileFilter } from './to-sql.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const UUID = '2819c223-7f76-453a-919d-413861904646';

function compile(filter: string, target: FilterTarget = userFilterTarget()) {
  const params = createParamSink(2);
  return { sql: compileFilter(parseFilter(filter), target, params), values: params.values };
}

describe('compileFilter: promoted columns', () => {
  it.each([
    ['userName eq "bjensen"', 'lower(u.user_name) = lower($2)', ['bjensen']],
    ['USERNAME Eq "BJensen"', 'lower(u.user_name) = lower($2)', ['BJensen']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', 'u.user_name ILIKE $2', ['J%']],
    ['externalId eq "Ab"', 'u.external_id = $2', ['Ab']],
    ['externalId co "5%_"', 'u.external_id LIKE $2', ['%5\\%\\_%']],
    ['displayName ew "x"', 'u.display_name ILIKE $2', ['%x']],
    ['active eq true', 'u.active = true', []],
    ['active eq "False"', 'u.active = false', []],
    ['active ne true', 'NOT coalesce(u.active = true, false)', []],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', 'u.updated_at > $2::timestamptz', ['2011-05-13T04:42:34.000Z']],
    ['meta.created le "2011-05-13T04:42:34Z"', 'u.created_at <= $2::timestamptz', ['2011-05-13T04:42:34.000Z']],
    [`id eq "${UUID}"`, 'u.id = $2::uuid', [UUID]],
    ['id eq "not-a-uuid"', 'false', []],
    ['userName gt "m"', 'lower(u.user_name) > lower($2)', ['m']],
    ['userName pr', "(u.user_name IS NOT NULL AND u.user_name <> '')", []],
    ['active pr', '(u.active IS NOT NULL)', []],
    ['displayName eq null', "NOT (u.display_name IS NOT NULL AND u.display_name <> '')", []],
    ['meta.resourceType eq "User"', 'true', []],
    ['meta.resourceType eq "Group"', 'false', []],
  ])('%s', (filter, sql, values) => {
    expect(compile(filter)).toEqual({ sql, values });
  });
});

describe('compileFilter: jsonb attributes', () => {
  it.each([
    ['title pr', "(u.attributes #> '{title}' IS NOT NULL AND u.attributes #> '{title}' NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb))", []],
    ['name.familyName co "O\'Malley"', "u.attributes #>> '{name,familyName}' ILIKE $2", ["%O'Malley%"]],
    ['userType eq "Employee"', "lower(u.attributes #>> '{userType}') = lower($2)", ['Employee']],
    [`${ENT}:department eq "Tour"`, `lower(u.attributes #>> '{${ENT},department}') = lower($2)`, ['Tour']],
    [`${ENT}:manager.value eq "m1"`, `u.attributes #>> '{${ENT},manager,value}' = $2`, ['m1']],
    [`${ENT}:manager eq "m1"`, `u.attributes #>> '{${ENT},manager,value}' = $2`, ['m1']],
    // Unqualified: only the enterprise extension defines these names (issue 12).
    ['manager.value eq "m1"', `u.attributes #>> '{${ENT},manager,value}' = $2`, ['m1']],
    ['Department eq "Tour"', `lower(u.attributes #>> '{${ENT},department}') = lower($2)`, ['Tour']],
    [
      'emails.type eq "work"',
      "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(u.attributes #> '{emails}') = 'array' THEN u.attributes #> '{emails}' ELSE '[]'::jsonb END) AS e1(v) WHERE lower(e1.v ->> 'type') = lower($2))",
      ['work'],
    ],
    [
      'emails co "example.com"',
      "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(u.attributes #> '{emails}') = 'array' THEN u.attributes #> '{emails}' ELSE '[]'::jsonb END) AS e1(v) WHERE e1.v ->> 'value' ILIKE $2)",
      ['%example.com%'],
    ],
    [
      'emails.value eq "A@x.com"',
      "(u.email_values @> ARRAY[lower($3)]::text[] AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(u.attributes #> '{emails}') = 'array' THEN u.attributes #> '{emails}' ELSE '[]'::jsonb END) AS e1(v) WHERE lower(e1.v ->> 'value') = lower($2)))",
      ['A@x.com', 'A@x.com'],
    ],
    [
      'emails[type eq "work"].value eq "a@x.com"',
      "(u.email_values @> ARRAY[lower($4)]::text[] AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(u.attributes #> '{emails}') = 'array' THEN u.attributes #> '{emails}' ELSE '[]'::jsonb END) AS e1(v) WHERE (lower(e1.v ->> 'type') = lower($2) AND lower(e1.v ->> 'value') = lower($3))))",
      ['work', 'a@x.com', 'a@x.com'],
    ],
    [
      'roles[primary eq "True"]',
      "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(u.attributes #> '{roles}') = 'array' THEN u.attributes #> '{roles}' ELSE '[]'::jsonb END) AS e1(v) WHERE e1.v -> 'primary' = 'true'::jsonb)",
      [],
    ],
    ['schemas eq "urn:ietf:params:scim:schemas:core:2.0:User"', 'true', []],
    [`schemas eq "${ENT.toUpperCase()}"`, `(u.attributes -> '${ENT}') IS NOT NULL`, []],
    ['schemas eq "urn:okta:custom"', '(u.attributes -> $2::text) IS NOT NULL', ['urn:okta:custom']],
    [
      `groups.value eq "${UUID}"`,
      'EXISTS (SELECT 1 FROM directory_membership m1 WHERE m1.company_id = u.company_id AND m1.member_id = u.id AND m1.group_id = $2::uuid)',
      [UUID],
    ],
  ])('%s', (filter, sql, values) => {
    expect(compile(filter)).toEqual({ sql, values });
  });
});

describe('compileFilter: logic', () => {
  it.each([
    ['title pr and userName eq "a"', /^\(\(u\.attributes .*\) AND lower\(u\.user_name\) = lower\(\$2\)\)$/],
    ['userName eq "a" or userName eq "b"', /^\(lower\(u\.user_name\) = lower\(\$2\) OR lower\(u\.user_name\) = lower\(\$3\)\)$/],
    ['not (userName eq "a")', /^NOT coalesce\(lower\(u\.user_name\) = lower\(\$2\), false\)$/],
    ['userType ne "Employee"', /^NOT coalesce\(lower\(u\.attributes #>> '\{userType\}'\) = lower\(\$2\), false\)$/],
    ['emails[type eq "work" and not (value co "x")]', /WHERE \(lower\(e1\.v ->> 'type'\) = lower\(\$2\) AND NOT coalesce\(e1\.v ->> 'value' ILIKE \$3, false\)\)/],
    ['emails[type eq "a"] or ims[type eq "b"]', /AS e1\(v\).* OR .*AS e2\(v\)/],
  ])('%s', (filter, pattern) => {
    expect(compile(filter).sql).toMatch(pattern);
  });
});

describe('compileFilter: groups', () => {
  it.each([
    ['displayName eq "Eng"', 'lower(g.display_name) = lower($2)', ['Eng']],
    [`members.value eq "${UUID}"`, 'EXISTS (SELECT 1 FROM directory_membership m1 WHERE m1.company_id = g.company_id AND m1.group_id = g.id AND m1.member_id = $2::uuid)', [UUID]],
    [`members[value eq "${UUID}"]`, 'EXISTS (SELECT 1 FROM directory_membership m1 WHERE m1.company_id = g.company_id AND m1.group_id = g.id AND m1.member_id = $2::uuid)', [UUID]],
    [`members eq "${UUID}"`, 'EXISTS (SELECT 1 FROM directory_membership m1 WHERE m1.company_id = g.company_id AND m1.group_id = g.id AND m1.member_id = $2::uuid)', [UUID]],
    ['members.value eq "nope"', 'false', []],
  ])('%s', (filter, sql, values) => {
    expect(compile(filter, groupFilterTarget())).toEqual({ sql, values });
  });
});

describe('compileFilter: errors → 400 invalidFilter', () => {
  it.each([
    ['unknown attribute', 'nope eq "a"', userFilterTarget()],
    ['unknown sub-attribute', 'name.nope eq "a"', userFilterTarget()],
    ['unknown extension', 'urn:x:y:attr eq "a"', userFilterTarget()],
    ['user attribute on groups', 'userName eq "a"', groupFilterTarget()],
    ['gt on boolean', 'active gt true', userFilterTarget()],
    ['co on boolean', 'emails[primary co "t"]', userFilterTarget()],
    ['non-boolean for boolean', 'active eq "yes"', userFilterTarget()],
    ['bad date', 'meta.created gt "yesterday"', userFilterTarget()],
    ['password', 'password eq "x"', userFilterTarget()],
    ['members.display', 'members.display eq "x"', groupFilterTarget()],
    ['members co', 'members.value co "x"', groupFilterTarget()],
    ['members[type eq]', 'members[type eq "User"]', groupFilterTarget()],
    ['complex without value', 'name eq "x"', userFilterTarget()],
    ['co with null', 'title co null', userFilterTarget()],
    ['valuePath on a simple attribute', 'title[value eq "x"]', userFilterTarget()],
    ['gt on schemas', 'schemas gt "a"', userFilterTarget()],
    ['meta.location', 'meta.location eq "x"', userFilterTarget()],
  ])('%s', (_label, filter, target) => {
    let caught: unknown;
    try {
      compile(filter, target);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 400, scimType: 'invalidFilter' });
  });
});

describe('likePattern', () => {
  it.each([
    ['co', 'a%b_c\\d', '%a\\%b\\_c\\\\d%'],
    ['sw', 'x', 'x%'],
    ['ew', 'x', '%x'],
  ] as const)('%s %s', (operator, value, expected) => {
    expect(likePattern(operator, value)).toBe(expected);
  });
});
