import { randomBytes } from 'node:crypto';
import { PERMISSIONS, type Permission } from '../src/modules/access/permissions.js';
import type { TestApp } from './harness.js';

export interface SeededCompany {
  companyId: string;
  slug: string;
  email: string;
  password: string;
  scimToken: string;
  apiToken: string;
  scimBaseUrl: string;
}

/** A company of the test's own, so tests run concurrently without resets. */
export async function seedCompany(
  t: TestApp,
  { permissions = [...PERMISSIONS], slug }: { permissions?: Permission[]; slug?: string } = {},
): Promise<SeededCompany> {
  const services = t.services();
  const suffix = randomBytes(4).toString('hex');
  const company = await services.companies.createCompany(slug ?? `co-${suffix}`, `Company ${suffix}`);
  const email = `ops-${suffix}@example.test`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  await services.operators.createOperator(company.id, email, password, permissions);
  const scim = await services.tokens.createScimToken(company.id, 'Test IdP', 'test');
  const api = await services.tokens.createApiToken(company.id, 'Test integration', permissions);
  return {
    companyId: company.id,
    slug: company.slug,
    email,
    password,
    scimToken: scim.secret,
    apiToken: api.secret,
    scimBaseUrl: `${t.baseUrl}/pp/scim/v2/${company.slug}`,
  };
}
