import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Sql } from './db/sql.js';
import type { ForgetScimCallers } from './modules/access/scim-caller-cache.js';
import { createOperatorService } from './modules/access/operator.service.js';
import { createTokenService } from './modules/access/token.service.js';
import { createBulkDeleteService } from './modules/bulk-delete/bulk-delete.service.js';
import { createActivityService } from './modules/activity/activity.service.js';
import { createAuditTrailService } from './modules/companies/audit-trail.service.js';
import { createCompanyService } from './modules/companies/company.service.js';
import { createScimRateLimitService } from './modules/companies/scim-rate-limit.service.js';
import { createDeprovisioningService } from './modules/deprovisioning/deprovisioning.service.js';
import { createDirectoryCounts } from './modules/directory/directory-counts.js';
import { createDirectoryView } from './modules/directory/directory-view.service.js';
import { createEventStore } from './modules/events/event-store.js';
import { createWebhookService } from './modules/events/webhook.service.js';
import { createDeprovisioningGuardService } from './modules/deprovisioning-guard/deprovisioning-guard.service.js';

/** What the services share with the app that built them (app.ts owns both). */
export interface SharedState {
  /** The app's SCIM caller cache; a process without one (the CLI) relies on the scim_auth notification. */
  forgetScimCallers: ForgetScimCallers;
}

const NO_SHARED_STATE: SharedState = { forgetScimCallers: () => undefined };

/**
 * The domain services over one entity manager and the process's `Sql`. Each request (GraphQL,
 * WebSocket operation, SCIM call, CLI command) builds its own from a fresh `orm.em.fork()`.
 */
export function createServices(em: EntityManager, sql: Sql, config: Config, { forgetScimCallers }: SharedState = NO_SHARED_STATE) {
  return {
    em,
    companies: createCompanyService({
      em, publicUrl: config.publicUrl, scimEnabled: config.scimEnabled, scimRateLimit: config.scimRateLimit, forgetScimCallers,
    }),
    rateLimits: createScimRateLimitService({ em, defaults: config.scimRateLimit, forgetScimCallers }),
    operators: createOperatorService({ em, sql }),
    tokens: createTokenService({ em, sql, forgetScimCallers }),
    bulkDelete: createBulkDeleteService({ sql }),
    deprovisioning: createDeprovisioningService({ sql }),
    auditTrail: createAuditTrailService({ em }),
    activity: createActivityService({ sql }),
    directoryCounts: createDirectoryCounts(sql),
    directoryView: createDirectoryView(sql, config),
    directoryEvents: createEventStore(sql),
    webhooks: createWebhookService({ sql, config }),
    deprovisioningGuard: createDeprovisioningGuardService({ em, sql }),
  };
}

export type Services = ReturnType<typeof createServices>;
