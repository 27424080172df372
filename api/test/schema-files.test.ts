import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { printRosterSchema } from '../src/graphql/print-schema.js';
import codegenConfig from '../../codegen.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('generated files are current', () => {
  it('schema/schema.graphql matches the Pothos builder (npm run schema:print)', async () => {
    expect(await readFile(join(root, 'schema/schema.graphql'), 'utf8')).toBe(printRosterSchema());
  });

  it('console/src/gql matches codegen over the committed schema (npm run codegen)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'roster-codegen-'));
    try {
      const [[, target]] = Object.entries(codegenConfig.generates) as [[string, object]];
      await generate({ ...codegenConfig, cwd: root, silent: true, generates: { [`${out}/`]: target } }, true);
      const committed = join(root, 'console/src/gql');
      const files = (await readdir(committed)).sort();
      expect((await readdir(out)).sort()).toEqual(files);
      for (const file of files) {
        expect(await readFile(join(out, file), 'utf8'), file).toBe(await readFile(join(committed, file), 'utf8'));
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
