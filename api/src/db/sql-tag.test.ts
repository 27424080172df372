import { describe, expect, it } from 'vitest';
import { renderSql, sql } from './sql-tag.js';

describe('sql tag', () => {
  it('numbers the values of nested fragments in the order they appear', () => {
    const company = sql`company_id = ${'c1'}`;
    const filter = sql`(active = ${true} or user_name = ${'alice'})`;
    const rendered = renderSql(sql`select * from directory_user where ${company} and ${filter} limit ${10}`);
    expect(rendered.text).toBe('select * from directory_user where company_id = $1 and (active = $2 or user_name = $3) limit $4');
    expect(rendered.values).toEqual(['c1', true, 'alice', 10]);
  });

  it('joins fragments with a separator and leaves an empty list empty', () => {
    const ids = [1, 2, 3].map((id) => sql`${id}`);
    expect(renderSql(sql`in (${sql.join(ids)})`)).toMatchObject({ text: 'in ($1, $2, $3)', values: [1, 2, 3] });
    expect(renderSql(sql`a${sql.join([], ' and ')}b`)).toMatchObject({ text: 'ab', values: [] });
    expect(renderSql(sql.join([sql`x = ${1}`, sql.raw('true'), sql`y = ${2}`], ' and ')).text).toBe('x = $1 and true and y = $2');
  });

  it('keeps a jsonb `?` operator as written', () => {
    expect(renderSql(sql`select attributes ? ${'title'} from t`).text).toBe('select attributes ? $1 from t');
  });

  it('carries plan-per-call through composition', () => {
    const inner = sql.planPerCall(sql`user_name = ${'a'}`);
    expect(renderSql(sql`select 1 where ${inner}`).planPerCall).toBe(true);
    expect(renderSql(sql`select 1 where ${sql`x = ${1}`}`).planPerCall).toBe(false);
  });

  it('binds values, never splices them into the text', () => {
    const hostile = "'; drop table directory_user; --";
    const rendered = renderSql(sql`select ${hostile}`);
    expect(rendered.text).toBe('select $1');
    expect(rendered.values).toEqual([hostile]);
  });
});
