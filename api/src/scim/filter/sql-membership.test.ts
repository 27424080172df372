import { describe, expect, it } from 'vitest';
import { createParamSink, groupFilterTarget, userFilterTarget } from './filter-target.js';
import { parseFilter } from './parser.js';
import { compileMembership } from './sql-membership.js';

const ID = '2819c223-7f76-453a-919d-413861904646';

describe('compileMembership', () => {
  it('compiles a group members filter', () => {
    const target = groupFilterTarget('g');
    const params = createParamSink();
    expect(compileMembership(parseFilter(`members.value eq "${ID}"`), target, target.membership!, params, 'm1')).toBe(
      'EXISTS (SELECT 1 FROM directory_membership m1 WHERE m1.company_id = g.company_id AND m1.group_id = g.id AND m1.member_id = $1::uuid)',
    );
    expect(params.values).toEqual([ID]);
  });

  it('compiles a user groups filter from the member side', () => {
    const target = userFilterTarget('u');
    expect(compileMembership(parseFilter(`groups[value eq "${ID}"]`), target, target.membership!, createParamSink(), 'm9')).toBe(
      'EXISTS (SELECT 1 FROM directory_membership m9 WHERE m9.company_id = u.company_id AND m9.member_id = u.id AND m9.group_id = $1::uuid)',
    );
  });

  it.each(['members.value ne "x"', 'members[value eq "a" or value eq "b"]', 'members.type eq "User"', 'members pr'])('rejects %s', (filter) => {
    const target = groupFilterTarget();
    expect(() => compileMembership(parseFilter(filter), target, target.membership!, createParamSink(), 'm1')).toThrow(
      expect.objectContaining({ scimType: 'invalidFilter' }),
    );
  });
});
