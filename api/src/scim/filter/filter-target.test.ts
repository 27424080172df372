import { describe, expect, it } from 'vitest';
import { createParamSink, groupFilterTarget, userFilterTarget } from './filter-target.js';

describe('filter targets', () => {
  it('maps the promoted user columns', () => {
    const target = userFilterTarget('du');
    expect(target.alias).toBe('du');
    expect(Object.fromEntries(Object.entries(target.columns).map(([key, value]) => [key, value.column]))).toEqual({
      id: 'id',
      externalId: 'external_id',
      displayName: 'display_name',
      'meta.created': 'created_at',
      'meta.lastModified': 'updated_at',
      userName: 'user_name',
      active: 'active',
    });
    expect(target.emailValuesColumn).toBe('email_values');
    expect(target.membership?.attribute).toBe('groups');
  });

  it('maps groups without userName or emails', () => {
    const target = groupFilterTarget();
    expect(target.columns).not.toHaveProperty('userName');
    expect(target.emailValuesColumn).toBeUndefined();
    expect(target.membership).toMatchObject({ table: 'directory_membership', attribute: 'members' });
  });
});

describe('createParamSink', () => {
  it('numbers placeholders from the given start and collects values', () => {
    const sink = createParamSink(3);
    expect([sink.add('a'), sink.add(2)]).toEqual(['$3', '$4']);
    expect(sink.values).toEqual(['a', 2]);
  });
});
