import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { createOperatorService } from './modules/access/operator.service.js';
import { createTokenService } from './modules/access/token.service.js';
import { createCompanyService } from './modules/companies/company.service.js';

/**
 * The domain services over one entity manager. Each request (GraphQL, WebSocket operation,
 * SCIM call, CLI command) builds its own from a fresh `orm.em.fork()`.
 */
export function createServices(em: EntityManager, config: Config) {
  return {
    em,
    companies: createCompanyService({ em, publicUrl: config.publicUrl, scimEnabled: config.scimEnabled }),
    operators: createOperatorService({ em }),
    tokens: createTokenService({ em }),
  };
}

export type Services = ReturnType<typeof createServices>;
