import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { INPUT_LIMITS } from '../input-limits.js';
import { parseAttributePath, parseFilter, parsePatchPath } from './parser.js';

function scimTypeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return (error as ScimError).scimType;
  }
}

const nested = (levels: number) => '('.repeat(levels) + 'userName pr' + ')'.repeat(levels);
const chain = (terms: number) => Array.from({ length: terms }, () => 'title pr').join(' or ');

describe('filter limits', () => {
  it('nesting: 32 levels parse, 33 do not', () => {
    expect(() => parseFilter(nested(INPUT_LIMITS.filterDepth))).not.toThrow();
    expect(scimTypeOf(() => parseFilter(nested(INPUT_LIMITS.filterDepth + 1)))).toBe('invalidFilter');
    expect(scimTypeOf(() => parseFilter(nested(100_000)))).toBe('invalidFilter');
  });

  it('operators: 500 parse, 501 do not', () => {
    expect(() => parseFilter(chain(INPUT_LIMITS.filterOperators + 1))).not.toThrow();
    expect(scimTypeOf(() => parseFilter(chain(INPUT_LIMITS.filterOperators + 2)))).toBe('invalidFilter');
  });

  it('length: longer than 8,192 characters is refused without being read', () => {
    expect(scimTypeOf(() => parseFilter(`userName eq "${'x'.repeat(INPUT_LIMITS.filterLength)}"`))).toBe('invalidFilter');
    expect(scimTypeOf(() => parseAttributePath('a'.repeat(INPUT_LIMITS.filterLength + 1), 'invalidValue'))).toBe('invalidValue');
  });

  it('strings with NUL or an unpaired surrogate, escaped or raw', () => {
    for (const value of ['"a\\u0000"', '"\\ud800"', '"\udc00"']) {
      expect(scimTypeOf(() => parseFilter(`userName eq ${value}`))).toBe('invalidFilter');
    }
    expect(() => parseFilter('userName eq "\\ud83d\\ude00"')).not.toThrow();
  });

  it('PATCH paths answer invalidPath, and their messages escape what they quote', () => {
    expect(scimTypeOf(() => parsePatchPath(`emails[${nested(40)}]`))).toBe('invalidPath');
    try {
      parsePatchPath('emails[value eq "\u0000"]');
    } catch (error) {
      expect((error as ScimError).detail).toContain('\\u0000');
      expect((error as ScimError).detail).not.toContain('\u0000');
    }
  });
});
