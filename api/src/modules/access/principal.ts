import type { Permission } from './permissions.js';

/** Whoever is calling the admin API: a signed-in operator or an integrator's API token. */
export interface Principal {
  kind: 'operator' | 'apiToken';
  id: string;
  companyId: string;
  /** For the access log; set wherever a principal is authenticated. */
  companySlug?: string;
  /** The operator's email or the token's label; what the audit trail shows. */
  name: string;
  permissions: readonly Permission[];
  sessionId?: string;
}
