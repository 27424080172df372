import { badRequest, type ScimErrorType } from '../errors.js';

export type TokenType = 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'dot' | 'word' | 'string' | 'number' | 'eof';

export interface Token {
  type: TokenType;
  /** The source text of the token. */
  text: string;
  /** Decoded value for strings and numbers. */
  value?: string | number;
  /** 0-based offset into the filter text. */
  position: number;
}

const PUNCTUATION: Record<string, TokenType> = { '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', '.': 'dot' };
// Attribute paths include URNs (`urn:…:2.0:User:name.givenName`) and `$ref`.
const WORD = /[A-Za-z_$][A-Za-z0-9_:.\-$]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function syntaxError(scimType: ScimErrorType, message: string, source: string, position: number): never {
  throw badRequest(scimType, `${message} at character ${position + 1} of "${source}"`);
}

function readString(source: string, start: number, scimType: ScimErrorType): Token {
  let index = start + 1;
  while (index < source.length && source[index] !== '"') index += source[index] === '\\' ? 2 : 1;
  if (index >= source.length) syntaxError(scimType, 'Unterminated string', source, start);
  const text = source.slice(start, index + 1);
  try {
    // RFC 7644 §3.4.2.2 strings are JSON strings, escapes included.
    return { type: 'string', text, value: JSON.parse(text) as string, position: start };
  } catch {
    return syntaxError(scimType, 'Invalid escape in string', source, start);
  }
}

function readPattern(pattern: RegExp, source: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(source)?.[0];
}

/** Splits a filter or path into tokens; operators and keywords stay `word`s for the parser to read. */
export function tokenize(source: string, scimType: ScimErrorType = 'invalidFilter'): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    if (/\s/.test(char)) {
      index += 1;
    } else if (PUNCTUATION[char]) {
      tokens.push({ type: PUNCTUATION[char], text: char, position: index });
      index += 1;
    } else if (char === '"') {
      const token = readString(source, index, scimType);
      tokens.push(token);
      index += token.text.length;
    } else {
      const number = readPattern(NUMBER, source, index);
      const word = number === undefined ? readPattern(WORD, source, index) : undefined;
      if (number !== undefined) tokens.push({ type: 'number', text: number, value: Number(number), position: index });
      else if (word !== undefined) tokens.push({ type: 'word', text: word, position: index });
      else syntaxError(scimType, `Unexpected character '${char}'`, source, index);
      index += (number ?? word ?? '').length;
    }
  }
  tokens.push({ type: 'eof', text: '', position: source.length });
  return tokens;
}
