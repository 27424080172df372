import { describe, expect, it } from 'vitest';
import { attribute } from '../schema/schema-types.js';
import { createParamSink } from './filter-target.js';
import { compileComparison, compilePresent, isUuid } from './sql-leaf.js';

const json = { json: "t.attributes #> '{x}'", text: "t.attributes #>> '{x}'" };

describe('compileComparison', () => {
  it.each([
    ['caseExact string eq', attribute('x', 'string', { caseExact: true }), 'eq', 'A', "t.attributes #>> '{x}' = $1", ['A']],
    ['case-insensitive sw', attribute('x', 'string'), 'sw', 'a%', "t.attributes #>> '{x}' ILIKE $1", ['a\\%%']],
    ['caseExact ew', attribute('x', 'string', { caseExact: true }), 'ew', 'z', "t.attributes #>> '{x}' LIKE $1", ['%z']],
    ['integer ge', attribute('x', 'integer'), 'ge', 3, "(t.attributes #>> '{x}')::numeric >= $1::numeric", [3]],
    ['dateTime lt', attribute('x', 'dateTime'), 'lt', '2020-01-01T00:00:00Z', "(t.attributes #>> '{x}')::timestamptz < $1::timestamptz", ['2020-01-01T00:00:00.000Z']],
    ['boolean eq', attribute('x', 'boolean'), 'eq', false, "t.attributes #> '{x}' = 'false'::jsonb", []],
    ['number against a string attribute', attribute('x', 'string'), 'eq', 7, "lower(t.attributes #>> '{x}') = lower($1)", ['7']],
  ] as const)('%s', (_label, def, operator, value, sql, values) => {
    const params = createParamSink();
    expect(compileComparison(json, def, operator, value, params)).toBe(sql);
    expect(params.values).toEqual(values);
  });

  it.each([
    ['gt on boolean', attribute('x', 'boolean'), 'gt', true],
    ['co on integer', attribute('x', 'integer'), 'co', 1],
    ['string against integer', attribute('x', 'integer'), 'eq', '1'],
    ['gt on binary', attribute('x', 'binary'), 'gt', 'a'],
    ['boolean against a string attribute', attribute('x', 'string'), 'eq', true],
  ] as const)('rejects %s', (_label, def, operator, value) => {
    expect(() => compileComparison(json, def, operator, value, createParamSink())).toThrow(expect.objectContaining({ scimType: 'invalidFilter' }));
  });
});

describe('compilePresent', () => {
  it.each([
    [json, "(t.attributes #> '{x}' IS NOT NULL AND t.attributes #> '{x}' NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{}'::jsonb))"],
    [{ text: 't.c', columnType: 'text' as const }, "(t.c IS NOT NULL AND t.c <> '')"],
    [{ text: 't.d', columnType: 'timestamptz' as const }, '(t.d IS NOT NULL)'],
  ])('%j', (accessor, sql) => {
    expect(compilePresent(accessor)).toBe(sql);
  });
});

describe('isUuid', () => {
  it.each([
    ['2819c223-7f76-453a-919d-413861904646', true],
    ['2819C223-7F76-453A-919D-413861904646', true],
    ['2819c2237f76453a919d413861904646', false],
    ["'; drop table x; --", false],
  ])('%s → %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
