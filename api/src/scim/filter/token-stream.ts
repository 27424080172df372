import type { ScimErrorType } from '../errors.js';
import { assertFilterLength, assertFilterTokens } from './filter-limits.js';
import { syntaxError, tokenize, type Token, type TokenType } from './lexer.js';

/** A cursor over tokens with error reporting that names the position. */
export class TokenStream {
  private readonly tokens: Token[];
  private index = 0;

  constructor(
    readonly source: string,
    readonly scimType: ScimErrorType,
  ) {
    assertFilterLength(source, scimType);
    this.tokens = tokenize(source, scimType);
    assertFilterTokens(this.tokens, source, scimType);
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  /** True (and consumed) when the next token is the given keyword, case-insensitively. */
  acceptWord(word: string): boolean {
    const token = this.peek();
    if (token.type !== 'word' || token.text.toLowerCase() !== word) return false;
    this.next();
    return true;
  }

  accept(type: TokenType): Token | undefined {
    return this.peek().type === type ? this.next() : undefined;
  }

  expect(type: TokenType, what: string): Token {
    const token = this.peek();
    if (token.type !== type) this.fail(`Expected ${what} but found ${describe(token)}`, token);
    return this.next();
  }

  fail(message: string, token: Token = this.peek()): never {
    return syntaxError(this.scimType, message, this.source, token.position);
  }
}

export function describe(token: Token): string {
  return token.type === 'eof' ? 'the end of the input' : `'${token.text}'`;
}
