import { strict as assert } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { CORRUPT_STATE_EXIT_CODE, createProcessGuard } from './process-guard.js';

function guarded(options: { burstLimit?: number } = {}) {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  const exits: number[] = [];
  const guard = createProcessGuard({ logger, exit: (code) => void exits.push(code), ...options });
  return { guard, lines, exits };
}

describe('the last-resort process guard', () => {
  it('logs an escaped error or rejection and keeps serving', () => {
    const { guard, lines, exits } = guarded();
    guard.uncaughtException(new TypeError('cannot read properties of undefined'));
    guard.unhandledRejection(new Error('a forgotten promise'));
    guard.unhandledRejection('not even an Error');
    expect(exits).toEqual([]);
    expect(lines.map((line) => line.msg)).toEqual([
      'uncaught exception; still serving',
      'unhandled promise rejection; still serving',
      'unhandled promise rejection; still serving',
    ]);
  });

  it('exits with a clear code when an invariant failed', () => {
    const { guard, exits, lines } = guarded();
    let failed: unknown;
    try {
      assert.equal(1, 2);
    } catch (error) {
      failed = error;
    }
    guard.uncaughtException(failed);
    expect(exits).toEqual([CORRUPT_STATE_EXIT_CODE]);
    expect(lines[0]?.msg).toMatch(/invariant failed.*supervisor/);
  });

  it('exits when uncaught errors come in a burst, as a process failing in a loop does', () => {
    const { guard, exits } = guarded({ burstLimit: 3 });
    for (let i = 0; i < 3; i += 1) guard.uncaughtException(new Error(`failure ${i}`));
    expect(exits).toEqual([]);
    guard.uncaughtException(new Error('failure 3'));
    expect(exits).toEqual([CORRUPT_STATE_EXIT_CODE]);
  });
});
