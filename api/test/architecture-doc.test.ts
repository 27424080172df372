import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(`${ROOT}ARCHITECTURE.md`, 'utf8');

/** Every `path/with/a/slash` in backticks that names a file or folder of the repository. */
const namedPaths = [...doc.matchAll(/`((?:api|console|eslint)\/[^`\s]*)`/g)].map((match) => match[1]!);

describe('ARCHITECTURE.md', () => {
  it('names paths', () => {
    expect(namedPaths.length).toBeGreaterThan(40);
  });

  it('names only paths that exist', () => {
    const missing = namedPaths.filter((path) => !existsSync(`${ROOT}${path.replace('<domain>/', '')}`));
    expect(missing).toEqual([]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(`${ROOT}README.md`, 'utf8')).toContain('(ARCHITECTURE.md)');
  });
});
