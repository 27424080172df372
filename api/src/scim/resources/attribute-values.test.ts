import { describe, expect, it } from 'vitest';
import { findAttribute } from '../schema/attribute-lookup.js';
import { attribute } from '../schema/schema-types.js';
import { USER_SCHEMA } from '../schema/user-schema.js';
import { coerceBoolean, normalizeAttributeValue } from './attribute-values.js';

const emails = findAttribute(USER_SCHEMA.attributes, 'emails')!;

describe('coerceBoolean', () => {
  it.each([
    [true, true],
    ['True', true],
    [' FALSE ', false],
    ['yes', undefined],
    [1, undefined],
  ])('%j → %j', (input, expected) => {
    expect(coerceBoolean(input)).toBe(expected);
  });
});

describe('normalizeAttributeValue', () => {
  it.each([
    ['string', attribute('x', 'string'), 'a', 'a'],
    ['integer', attribute('x', 'integer'), 3, 3],
    ['decimal', attribute('x', 'decimal'), 1.5, 1.5],
    ['dateTime', attribute('x', 'dateTime'), '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'],
    ['null', attribute('x', 'string'), null, undefined],
    ['empty array', emails, [], undefined],
    ['canonical sub-attribute names', emails, [{ VALUE: 'a', Type: 'work', PRIMARY: 'true' }], [{ value: 'a', type: 'work', primary: true }]],
    ['unknown sub-attributes dropped', emails, [{ value: 'a', shoe: 1 }], [{ value: 'a' }]],
    ['strings wrap as {value}', emails, ['a@x'], [{ value: 'a@x' }]],
  ])('%s', (_label, def, input, expected) => {
    expect(normalizeAttributeValue(def, input)).toEqual(expected);
  });

  it.each([
    ['integer', attribute('x', 'integer'), 1.5],
    ['decimal', attribute('x', 'decimal'), '1'],
    ['dateTime', attribute('x', 'dateTime'), 'tomorrow'],
    ['string', attribute('x', 'string'), {}],
    ['boolean', attribute('x', 'boolean'), 'maybe'],
  ])('rejects a bad %s naming the attribute', (_label, def, input) => {
    expect(() => normalizeAttributeValue(def, input, 'label.x')).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidValue', detail: expect.stringContaining('"label.x"') }),
    );
  });
});
