import type { RateLimit } from '../modules/access/token-bucket.js';
import type { Command, CommandInput } from './commands.js';
import { need, UsageError, CLI_ACTOR } from './usage.js';

// The default ratio (100/s, bursts of 300): a burst of three seconds' worth.
const BURST_SECONDS = 3;

function wholeNumber(value: string, option: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} needs a whole number`);
  return Number(value);
}

/** --default, or --per-second N with an optional --burst N (3 × N, at least 1, when left out). */
function requestedLimit({ options }: CommandInput): RateLimit | null {
  const perSecond = options['per-second'];
  if (options.default) {
    if (perSecond !== undefined || options.burst !== undefined) throw new UsageError('--default takes no --per-second or --burst');
    return null;
  }
  const rate = wholeNumber(need(perSecond, '--per-second (or --default)'), '--per-second');
  const burst = options.burst === undefined ? Math.max(1, rate * BURST_SECONDS) : wholeNumber(options.burst, '--burst');
  return { perSecond: rate, burst };
}

export const rateLimitCommand: Record<string, Command> = {
  'company rate-limit': async (s, input, out) => {
    const limit = requestedLimit(input);
    const company = await s.companies.getBySlug(need(input.words[2], '<slug>'));
    const view = await s.rateLimits.setScimRateLimit(company.id, limit, CLI_ACTOR);
    const rate = view.perSecond === 0 ? 'no limit' : `${view.perSecond} requests/s, bursts of ${view.burst}`;
    out(`SCIM rate limit for ${company.slug}: ${rate} (${view.source === 'DEFAULT' ? 'the deployment default' : 'its own'})`);
  },
};
