import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { sqlFor } from './db/sql.js';
import { createOperatorService } from './modules/access/operator.service.js';
import { createTokenService } from './modules/access/token.service.js';
import { createBulkDeleteService } from './modules/bulk-delete/bulk-delete.service.js';
import { createActivityService } from './modules/activity/activity.service.js';
import { createAuditTrailService } from './modules/companies/audit-trail.service.js';
import { createCompanyService } from './modules/companies/company.service.js';
import { createScimRateLimitService } from './modules/companies/scim-rate-limit.service.js';
import { createDirectoryCounts } from './modules/directory/directory-counts.js';
import { createDirectoryView } from './modules/directory/directory-view.service.js';
import { createDeprovisioningGuardService } from './modules/deprovisioning-guard/deprovisioning-guard.service.js';

/**
 * The domain services over one entity manager. Each request (GraphQL, WebSocket operation,
 * SCIM call, CLI command) builds its own from a fresh `orm.em.fork()`.
 */
export function createServices(em: EntityManager, config: Config) {
  const sql = sqlFor(em);
  return {
    em,
    companies: createCompanyService({
      em, publicUrl: config.publicUrl, scimEnabled: config.scimEnabled, scimRateLimit: config.scimRateLimit,
    }),
    rateLimits: createScimRateLimitService({ em, defaults: config.scimRateLimit }),
    operators: createOperatorService({ em }),
    tokens: createTokenService({ em }),
    bulkDelete: createBulkDeleteService({ em }),
    auditTrail: createAuditTrailService({ em }),
    activity: createActivityService({ sql }),
    directoryCounts: createDirectoryCounts(sql),
    directoryView: createDirectoryView(sql, config),
    deprovisioningGuard: createDeprovisioningGuardService({ em }),
  };
}

export type Services = ReturnType<typeof createServices>;
