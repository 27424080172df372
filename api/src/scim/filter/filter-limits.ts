import { isStorableText } from '../../domain/storable-text.js';
import { badRequest, type ScimErrorType } from '../errors.js';
import { INPUT_LIMITS } from '../input-limits.js';
import { syntaxError, type Token } from './lexer.js';

const LOGICAL = new Set(['and', 'or', 'not']);
const OPENING = new Set(['lparen', 'lbracket']);
const CLOSING = new Set(['rparen', 'rbracket']);

/** Checked before tokenizing, so a megabyte of filter costs nothing. */
export function assertFilterLength(source: string, scimType: ScimErrorType): void {
  if (source.length > INPUT_LIMITS.filterLength) {
    throw badRequest(scimType, `The expression has more than ${INPUT_LIMITS.filterLength} characters`);
  }
}

/**
 * Bounds what the recursive-descent parser and the AST walks after it (SQL compiling, PATCH
 * matching) recurse over: nesting depth and the number of logical operators. String values must
 * be storable, since they become SQL parameters.
 */
export function assertFilterTokens(tokens: readonly Token[], source: string, scimType: ScimErrorType): void {
  let depth = 0;
  let operators = 0;
  for (const token of tokens) {
    if (OPENING.has(token.type)) depth += 1;
    else if (CLOSING.has(token.type)) depth = Math.max(0, depth - 1);
    else if (token.type === 'word' && LOGICAL.has(token.text.toLowerCase())) operators += 1;
    else if (token.type === 'string' && !isStorableText(String(token.value))) {
      syntaxError(scimType, 'A string contains a NUL character or an unpaired UTF-16 surrogate', source, token.position);
    }
    if (depth > INPUT_LIMITS.filterDepth) {
      syntaxError(scimType, `Parentheses and brackets nest more than ${INPUT_LIMITS.filterDepth} levels deep`, source, token.position);
    }
    if (operators > INPUT_LIMITS.filterOperators) {
      syntaxError(scimType, `More than ${INPUT_LIMITS.filterOperators} and/or/not operators`, source, token.position);
    }
  }
}
