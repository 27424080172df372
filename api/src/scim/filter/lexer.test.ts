import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.js';

const shape = (text: string) => tokenize(text).map((token) => [token.type, token.value ?? token.text, token.position]);

describe('tokenize', () => {
  it('splits a value path with a trailing sub-attribute', () => {
    expect(shape('emails[type eq "work"].value')).toEqual([
      ['word', 'emails', 0],
      ['lbracket', '[', 6],
      ['word', 'type', 7],
      ['word', 'eq', 12],
      ['string', 'work', 15],
      ['rbracket', ']', 21],
      ['dot', '.', 22],
      ['word', 'value', 23],
      ['eof', '', 28],
    ]);
  });

  it.each([
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value'],
    ['members.$ref', 'members.$ref'],
    ['x509Certificates.value', 'x509Certificates.value'],
  ])('reads %s as one word', (text, word) => {
    expect(tokenize(text)[0]).toMatchObject({ type: 'word', text: word });
  });

  it.each([
    ['42', 42],
    ['-1.5', -1.5],
    ['2e3', 2000],
    ['"a\\"b"', 'a"b'],
    ['"\\u00e9"', 'é'],
  ])('decodes %s', (text, value) => {
    expect(tokenize(text)[0]?.value).toEqual(value);
  });

  it.each([
    ['"open', 'Unterminated string at character 1'],
    ['a ~ b', "Unexpected character '~' at character 3"],
    ['"\\x"', 'Invalid escape'],
  ])('rejects %s with invalidFilter', (text, detail) => {
    expect(() => tokenize(text)).toThrow(expect.objectContaining({ status: 400, scimType: 'invalidFilter', detail: expect.stringContaining(detail) }));
  });

  it('uses the requested scimType', () => {
    expect(() => tokenize('~', 'invalidPath')).toThrow(expect.objectContaining({ scimType: 'invalidPath' }));
  });
});
