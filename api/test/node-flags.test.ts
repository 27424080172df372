import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../src/node-flags.js';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('server node flags', () => {
  it('npm start passes every one of them', async () => {
    const start = JSON.parse(await read('package.json')).scripts.start as string;
    for (const flag of SERVER_NODE_FLAGS) expect(start).toContain(`node ${flag}`);
  });

  it('the Docker image passes every one of them', async () => {
    const cmd = (await read('docker/Dockerfile')).split('\n').find((line) => line.startsWith('CMD '));
    for (const flag of SERVER_NODE_FLAGS) expect(cmd).toContain(`"${flag}"`);
  });
});
