import type { Config } from './config.js';
import { PERMISSIONS } from './modules/access/permissions.js';
import { generatePassword } from './modules/access/secrets.js';
import { scimBaseUrl } from './modules/companies/company.service.js';
import type { Services } from './services.js';

export interface DemoCredentials {
  consoleUrl: string;
  email: string;
  password: string;
  scimBaseUrl: string;
  scimToken: string;
}

export const DEMO_SLUG = 'demo';
export const DEMO_EMAIL = 'admin@demo.example';

/**
 * First start on an empty embedded database: a company, an operator with every permission and
 * a SCIM token, so that a newcomer can click and provision at once. Returns null when any
 * company exists already.
 */
export async function bootstrapDemo(services: Services, config: Config): Promise<DemoCredentials | null> {
  if ((await services.companies.listCompanies()).length > 0) return null;
  const company = await services.companies.createCompany(DEMO_SLUG, 'Demo Company');
  const password = generatePassword();
  await services.operators.createOperator(company.id, DEMO_EMAIL, password, [...PERMISSIONS]);
  const { secret } = await services.tokens.createScimToken(company.id, 'Demo IdP', 'bootstrap');
  return {
    consoleUrl: `${config.publicUrl}/it-settings/iam/scim2`,
    email: DEMO_EMAIL,
    password,
    scimBaseUrl: scimBaseUrl(config.publicUrl, company.slug),
    scimToken: secret,
  };
}
