import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { DomainError, assertFound } from '../../domain/domain-error.js';
import type { ForgetScimCallers } from '../access/scim-caller-cache.js';
import { rateLimitOf, type RateLimit } from '../access/token-bucket.js';
import { AuditEntry } from './audit-entry.entity.js';
import { Company } from './company.entity.js';

export type RateLimitSource = 'COMPANY' | 'DEFAULT';

/** The limit in force for a company over the whole deployment; perSecond 0 means none. */
export interface ScimRateLimitView extends RateLimit {
  source: RateLimitSource;
}

// Well above what one PostgreSQL could serve a company: a larger number is a typing error.
const MAX_PER_SECOND = 100_000;
const MAX_BURST = 1_000_000;

function ownRateLimit(company: Company): RateLimit | null {
  return rateLimitOf(company.scimRateLimitPerSecond, company.scimRateLimitBurst);
}

export function scimRateLimitView(company: Company, defaults: Config['scimRateLimit']): ScimRateLimitView {
  const own = ownRateLimit(company);
  return own ? { ...own, source: 'COMPANY' } : { perSecond: defaults.perSecond, burst: defaults.burst, source: 'DEFAULT' };
}

function assertRateLimit({ perSecond, burst }: RateLimit): void {
  if (!Number.isInteger(perSecond) || perSecond < 0 || perSecond > MAX_PER_SECOND) {
    throw new DomainError('INVALID_INPUT', `Requests per second must be a whole number from 0 (no limit) to ${MAX_PER_SECOND}`);
  }
  if (!Number.isInteger(burst) || burst < 1 || burst > MAX_BURST) {
    throw new DomainError('INVALID_INPUT', `The burst must be a whole number from 1 to ${MAX_BURST}`);
  }
}

/** A company's own SCIM rate limit: set, or back to the deployment's default (null). */
export function createScimRateLimitService(
  { em, defaults, forgetScimCallers }: { em: EntityManager; defaults: Config['scimRateLimit']; forgetScimCallers: ForgetScimCallers },
) {
  async function setScimRateLimit(companyId: string, limit: RateLimit | null, actor: string): Promise<ScimRateLimitView> {
    if (limit) assertRateLimit(limit);
    const company = assertFound(await em.findOne(Company, companyId), 'COMPANY_NOT_FOUND', 'Company not found');
    const before = ownRateLimit(company);
    if (before?.perSecond !== limit?.perSecond || before?.burst !== limit?.burst) {
      company.scimRateLimitPerSecond = limit?.perSecond ?? null;
      company.scimRateLimitBurst = limit?.burst ?? null;
      em.create(AuditEntry, { company, actor, action: 'scim.rate-limit-changed', detail: { from: before, to: limit } });
      await em.flush();
      // Cached SCIM callers carry the limit: this process forgets them now, others on NOTIFY.
      forgetScimCallers(companyId);
    }
    return scimRateLimitView(company, defaults);
  }

  return { setScimRateLimit };
}
