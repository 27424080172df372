import type { ScimErrorType } from '../errors.js';
import { splitAttributeName } from '../schema/attribute-lookup.js';
import type { AttributePath, CompareOperator, CompareValue, Filter, PatchPath } from './ast.js';
import type { Token } from './lexer.js';
import { TokenStream, describe } from './token-stream.js';

const COMPARE_OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Reads a path token (`urn:…:name.sub`) into its parts, rejecting malformed names. */
function toAttributePath(stream: TokenStream, token: Token): AttributePath {
  const path = splitAttributeName(token.text);
  const parts = [path.name, ...(path.subAttribute === undefined ? [] : [path.subAttribute])];
  if (!parts.every((part) => NAME.test(part))) stream.fail(`Invalid attribute path '${token.text}'`, token);
  return path;
}

const KEYWORDS = new Set(['and', 'or', 'not']);

/** Whether a token can follow a compValue: the end, a closing bracket, or `and` / `or`. */
function endsValue(token: Token): boolean {
  if (token.type === 'eof' || token.type === 'rparen' || token.type === 'rbracket') return true;
  return token.type === 'word' && (token.text.toLowerCase() === 'and' || token.text.toLowerCase() === 'or');
}

/** The value as the client meant it, from `start` to the next token that could end it, for the hint. */
function unquotedText(stream: TokenStream, start: Token): string {
  let offset = 0;
  while (!endsValue(stream.peek(offset))) offset += 1;
  return stream.source.slice(start.position, stream.peek(offset).position).trim();
}

/**
 * A bare word where a value belongs is read as the string it spells when nothing else can follow:
 * Microsoft's reference Postman collection sends `userName sw O` and `name.FamilyName eq Employee`,
 * the old Entra sample `externalId eq jyoung` (SCIM-NOTES §2.4). More than one word is refused
 * with the quoted form to send instead.
 */
function readBareWord(stream: TokenStream, token: Token, operator: string): string {
  if (!KEYWORDS.has(token.text.toLowerCase()) && endsValue(stream.peek())) return token.text;
  const quoted = JSON.stringify(unquotedText(stream, token));
  return stream.fail(`Unquoted value after '${operator}'; put string values in double quotes: ${operator} ${quoted}`, token);
}

function readValue(stream: TokenStream, operator: string): CompareValue {
  const token = stream.next();
  if (token.type === 'string' || token.type === 'number') return token.value as CompareValue;
  const literal = token.type === 'word' ? token.text.toLowerCase() : '';
  if (literal === 'true') return true;
  if (literal === 'false') return false;
  if (literal === 'null') return null;
  if (token.type === 'word') return readBareWord(stream, token, operator);
  return stream.fail(`Expected a string, number, true, false or null after '${operator}' but found ${describe(token)}`, token);
}

/** `attr pr` or `attr op value`, with `path` already read. */
function readComparison(stream: TokenStream, path: AttributePath): Filter {
  const token = stream.peek();
  const operator = token.type === 'word' ? token.text.toLowerCase() : '';
  if (operator === 'pr') {
    stream.next();
    return { kind: 'present', path };
  }
  if (!COMPARE_OPERATORS.has(operator)) {
    stream.fail(`Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) but found ${describe(token)}`, token);
  }
  stream.next();
  return { kind: 'compare', path, operator: operator as CompareOperator, value: readValue(stream, operator) };
}

function readAttributeExpression(stream: TokenStream, inValuePath: boolean): Filter {
  const token = stream.expect('word', 'an attribute name');
  const path = toAttributePath(stream, token);
  if (!stream.accept('lbracket')) return readComparison(stream, path);
  if (inValuePath) stream.fail('Value filters cannot be nested', token);
  if (path.subAttribute !== undefined) stream.fail(`'${token.text}' cannot take a value filter`, token);
  const inner = readOr(stream, true);
  stream.expect('rbracket', "']'");
  if (!stream.accept('dot')) return { kind: 'valuePath', path, filter: inner };
  // Entra filters on `emails[type eq "work"].value eq "…"` (SCIM-NOTES §1.4): the same as
  // `emails[type eq "work" and value eq "…"]`.
  const subToken = stream.expect('word', 'a sub-attribute name');
  const sub = toAttributePath(stream, subToken);
  if (sub.uri !== undefined || sub.subAttribute !== undefined) stream.fail(`Invalid sub-attribute '${subToken.text}'`, subToken);
  const condition = readComparison(stream, { name: sub.name });
  return { kind: 'valuePath', path, filter: { kind: 'and', left: inner, right: condition } };
}

function readUnary(stream: TokenStream, inValuePath: boolean): Filter {
  const token = stream.peek();
  if (token.type === 'word' && token.text.toLowerCase() === 'not' && stream.peek(1).type === 'lparen') {
    stream.next();
    return { kind: 'not', filter: readUnary(stream, inValuePath) };
  }
  if (stream.accept('lparen')) {
    const inner = readOr(stream, inValuePath);
    stream.expect('rparen', "')'");
    return inner;
  }
  return readAttributeExpression(stream, inValuePath);
}

function readAnd(stream: TokenStream, inValuePath: boolean): Filter {
  let left = readUnary(stream, inValuePath);
  while (stream.acceptWord('and')) left = { kind: 'and', left, right: readUnary(stream, inValuePath) };
  return left;
}

/** Precedence (RFC 7644 §3.4.2.2): grouping, then not, then and, then or. */
function readOr(stream: TokenStream, inValuePath: boolean): Filter {
  let left = readAnd(stream, inValuePath);
  while (stream.acceptWord('or')) left = { kind: 'or', left, right: readAnd(stream, inValuePath) };
  return left;
}

/** Parses a `filter` parameter. Malformed input → 400 invalidFilter naming the character position. */
export function parseFilter(text: string): Filter {
  const stream = new TokenStream(text, 'invalidFilter');
  if (stream.peek().type === 'eof') stream.fail('The filter is empty');
  const filter = readOr(stream, false);
  if (stream.peek().type !== 'eof') stream.fail(`Unexpected ${describe(stream.peek())}`);
  return filter;
}

/** A bare attribute path (sortBy, attributes lists). */
export function parseAttributePath(text: string, scimType: ScimErrorType = 'invalidPath'): AttributePath {
  const stream = new TokenStream(text.trim(), scimType);
  const path = toAttributePath(stream, stream.expect('word', 'an attribute path'));
  if (stream.peek().type !== 'eof') stream.fail(`Unexpected ${describe(stream.peek())}`);
  return path;
}

/** A PATCH `path` (RFC 7644 §3.5.2): `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, URN-qualified. */
export function parsePatchPath(text: string): PatchPath {
  const stream = new TokenStream(text.trim(), 'invalidPath');
  const head = stream.expect('word', 'an attribute path');
  const path = toAttributePath(stream, head);
  const result: PatchPath = { path };
  if (stream.accept('lbracket')) {
    if (path.subAttribute !== undefined) stream.fail(`'${head.text}' cannot take a value filter`, head);
    result.valueFilter = readOr(stream, true);
    stream.expect('rbracket', "']'");
    if (stream.accept('dot')) {
      const sub = stream.expect('word', 'a sub-attribute name');
      if (!NAME.test(sub.text)) stream.fail(`Invalid sub-attribute '${sub.text}'`, sub);
      result.subAttribute = sub.text;
    }
  }
  if (stream.peek().type !== 'eof') stream.fail(`Unexpected ${describe(stream.peek())}`);
  return result;
}
