import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { removeTempDataDirs, runCli, spawnRoster, tempDataDir, waitForReady } from './process.js';

let database: TestDatabase;
afterAll(async () => {
  await database?.drop();
  await removeTempDataDirs();
});

describe('npm start with DATABASE_URL', () => {
  it('migrates the given PostgreSQL, never bootstraps a demo, and leaves DATA_DIR alone', async () => {
    database = await createTestDatabase();
    const dataDir = await tempDataDir();
    const port = await findFreePort();
    const run = spawnRoster({ DATABASE_URL: database.url, DATA_DIR: dataDir, PORT: String(port) });
    try {
      await waitForReady(`http://127.0.0.1:${port}`);
      expect(run.output()).not.toContain('SCIM token:');
      expect(existsSync(dataDir)).toBe(false);
      const listed = await runCli(['company', 'list'], { DATABASE_URL: database.url });
      expect(listed).toEqual({ code: 0, output: '' });
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  }, 90_000);

  it('exits 2 naming each invalid variable', async () => {
    const run = spawnRoster({ PORT: 'nope', DATABASE_URL: 'mysql://x/y' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('PORT');
    expect(run.output()).toContain('DATABASE_URL');
  });
});
