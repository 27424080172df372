import type { Logger } from './logger.js';

/** Exit code for a process whose state can no longer be trusted (sysexits EX_SOFTWARE). */
export const CORRUPT_STATE_EXIT_CODE = 70;

export interface ProcessGuardOptions {
  logger: Logger;
  exit?: (code: number) => void;
  /** More uncaught exceptions than this within `windowMs` means the process is failing in a loop. */
  burstLimit?: number;
  windowMs?: number;
}

/**
 * A failed assertion means an invariant of Node or of Roster no longer holds: serving on could
 * answer wrongly, so the supervisor should start a fresh process.
 */
function isCorruptState(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_ASSERTION';
}

/**
 * The last line of defence behind the request, socket and server guards (those log with the
 * request id; what reaches this far belongs to no request): an error that escaped all of them is
 * logged and the process keeps serving, unless its state is corrupt.
 */
export function createProcessGuard({ logger, exit = process.exit, burstLimit = 20, windowMs = 60_000 }: ProcessGuardOptions) {
  let recent: number[] = [];
  const fail = (error: unknown, why: string) => {
    logger.fatal({ err: error }, `${why}; exiting so that a supervisor starts a fresh process`);
    process.stderr.write(`Roster stopped: ${why} (${error instanceof Error ? error.message : String(error)})\n`);
    exit(CORRUPT_STATE_EXIT_CODE);
  };
  return {
    uncaughtException(error: unknown): void {
      const now = Date.now();
      recent = [...recent.filter((at) => now - at < windowMs), now];
      if (isCorruptState(error)) return fail(error, 'an internal invariant failed');
      if (recent.length > burstLimit) return fail(error, `${recent.length} uncaught errors within ${windowMs / 1000} s`);
      logger.error({ err: error }, 'uncaught exception; still serving');
    },
    unhandledRejection(reason: unknown): void {
      logger.error({ err: reason }, 'unhandled promise rejection; still serving');
    },
  };
}

export function installProcessGuard(options: ProcessGuardOptions): void {
  const guard = createProcessGuard(options);
  process.on('uncaughtException', guard.uncaughtException);
  process.on('unhandledRejection', guard.unhandledRejection);
}
