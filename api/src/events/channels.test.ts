import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activityChannel, BULK_DELETE_QUEUED_CHANNEL, bulkDeleteProgressChannel, channelSql, notifyInSql, SCIM_AUTH_CHANNEL } from './channels.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Channel names written as SQL string literals: pg_notify('name', …). */
const literalChannels = (text: string) => [...text.matchAll(/pg_notify\(\s*'([^']*)'/g)].map((match) => match[1]);

describe('event channels', () => {
  it('names the channels the server listens to', () => {
    expect(SCIM_AUTH_CHANNEL).toBe('scim_auth');
    expect(BULK_DELETE_QUEUED_CHANNEL).toBe('bulk-delete:queued');
    expect(bulkDeleteProgressChannel('j1')).toBe('bulk-delete:j1');
    expect(activityChannel('c1')).toBe('activity:c1');
  });

  it('builds the SQL-side channel names from the same text', () => {
    expect(channelSql.bulkDeleteQueued).toBe(`'${BULK_DELETE_QUEUED_CHANNEL}'`);
    expect(channelSql.bulkDeleteProgress('j.id')).toBe(`'${bulkDeleteProgressChannel('')}' || j.id`);
    expect(notifyInSql(channelSql.bulkDeleteQueued, "json_build_object('a', 1)")).toBe(
      `pg_notify('bulk-delete:queued', (json_build_object('a', 1))::text)`,
    );
  });

  it('the migrations\' triggers notify only on channels named in channels.ts', () => {
    const migrations = sourceFiles(join(SRC, 'db/migrations'));
    const named = migrations.flatMap((file) => literalChannels(readFileSync(file, 'utf8')));
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([SCIM_AUTH_CHANNEL]));
  });

  it('no code outside the migrations writes a channel name into SQL by hand', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.includes('/db/migrations/'))
      .filter((file) => /pg_notify\(\s*'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
