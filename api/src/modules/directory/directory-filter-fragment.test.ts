import { describe, expect, it } from 'vitest';
import { renderSql, sql } from '../../db/sql-tag.js';
import { compileFilterText } from './directory-list-query.js';

describe('a SCIM filter as a SQL fragment', () => {
  it('puts each value where its placeholder is, though the email prefilter binds its value last', () => {
    const where = compileFilterText('User', 'emails[type eq "work" and value eq "Ann@Example.com"]');
    const rendered = renderSql(sql`select 1 from directory_user u where u.company_id = ${'c1'} and (${where})`);
    expect(rendered.text).toMatch(/^select 1 from directory_user u where u\.company_id = \$1 and \(\(u\.email_values @> ARRAY\[lower\(\$2\)\]::text\[\] AND EXISTS/);
    expect(rendered.values).toEqual(['c1', 'Ann@Example.com', 'work', 'Ann@Example.com']);
    const placeholders = [...rendered.text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
    expect(placeholders).toEqual([1, 2, 3, 4]);
  });

  it('binds a hostile value rather than writing it into the text', () => {
    const rendered = renderSql(compileFilterText('Group', 'displayName eq "x\') or true --"'));
    expect(rendered.text).not.toContain('or true');
    expect(rendered.values).toEqual(["x') or true --"]);
  });
});
