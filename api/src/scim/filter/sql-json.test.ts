import { describe, expect, it } from 'vitest';
import { findAttribute } from '../schema/attribute-lookup.js';
import { USER_SCHEMA } from '../schema/user-schema.js';
import { elementAccessor, jsonPathLiteral } from './sql-json.js';

describe('jsonPathLiteral', () => {
  it('builds a text[] literal from schema names', () => {
    expect(jsonPathLiteral(['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', 'manager', 'value'])).toBe(
      "'{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}'",
    );
  });

  it.each([["a'b"], ['a,b'], ['a}'], ['a b']])('refuses unsafe key %s', (key) => {
    expect(() => jsonPathLiteral([key])).toThrow('Unsafe JSON path');
  });
});

describe('elementAccessor', () => {
  const emails = findAttribute(USER_SCHEMA.attributes, 'emails')!;
  it('reads a sub-attribute or the element itself', () => {
    expect(elementAccessor('e1', emails, findAttribute(emails.subAttributes, 'type'))).toEqual({ json: "e1.v -> 'type'", text: "e1.v ->> 'type'" });
    expect(elementAccessor('e1', emails, undefined)).toEqual({ json: 'e1.v', text: "e1.v #>> '{}'" });
  });
});
