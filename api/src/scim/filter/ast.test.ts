import { describe, expect, it } from 'vitest';
import { formatAttributePath } from './ast.js';

describe('formatAttributePath', () => {
  it.each([
    [{ name: 'userName' }, 'userName'],
    [{ name: 'name', subAttribute: 'givenName' }, 'name.givenName'],
    [{ uri: 'urn:x:User', name: 'manager', subAttribute: 'value' }, 'urn:x:User:manager.value'],
  ])('%j → %s', (path, text) => {
    expect(formatAttributePath(path)).toBe(text);
  });
});
