import { describe, expect, it } from 'vitest';
import { compileSort } from './compile-sort.js';
import { groupFilterTarget, userFilterTarget } from './filter-target.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('compileSort', () => {
  const stable = 'u.created_at ASC, u.id ASC';
  it.each([
    [undefined, undefined, stable],
    [undefined, 'descending', stable],
    ['userName', undefined, `lower(u.user_name) ASC NULLS LAST, ${stable}`],
    ['USERNAME', 'descending', `lower(u.user_name) DESC NULLS FIRST, ${stable}`],
    ['externalId', 'ascending', `u.external_id ASC NULLS LAST, ${stable}`],
    ['meta.lastModified', 'descending', `u.updated_at DESC NULLS FIRST, ${stable}`],
    ['name.familyName', undefined, `lower(u.attributes #>> '{name,familyName}') ASC NULLS LAST, ${stable}`],
    [`${ENT}:employeeNumber`, undefined, `lower(u.attributes #>> '{${ENT},employeeNumber}') ASC NULLS LAST, ${stable}`],
    ['employeeNumber', undefined, `lower(u.attributes #>> '{${ENT},employeeNumber}') ASC NULLS LAST, ${stable}`],
  ] as const)('%s %s', (sortBy, order, expected) => {
    expect(compileSort(sortBy, order, userFilterTarget())).toBe(expected);
  });

  it('sorts a multi-valued attribute by its primary, else first value', () => {
    expect(compileSort('emails', undefined, userFilterTarget())).toBe(
      "(SELECT lower(s.v ->> 'value') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(u.attributes #> '{emails}') = 'array' THEN u.attributes #> '{emails}' ELSE '[]'::jsonb END) WITH ORDINALITY AS s(v, n) ORDER BY (s.v -> 'primary') = 'true'::jsonb DESC, s.n LIMIT 1) ASC NULLS LAST, " +
        stable,
    );
  });

  it('defaults groups to created, id', () => {
    expect(compileSort(undefined, undefined, groupFilterTarget('grp'))).toBe('grp.created_at ASC, grp.id ASC');
  });

  it.each(['nope', 'password', 'name', 'emails[type eq "x"]', 'members'])('rejects %s with 400 invalidValue', (sortBy) => {
    const target = sortBy === 'members' ? groupFilterTarget() : userFilterTarget();
    expect(() => compileSort(sortBy, undefined, target)).toThrow(expect.objectContaining({ status: 400, scimType: 'invalidValue' }));
  });
});
