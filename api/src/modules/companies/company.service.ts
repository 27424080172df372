import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { DomainError, assertFound } from '../../domain/domain-error.js';
import type { ForgetScimCallers } from '../access/scim-caller-cache.js';
import type { Config } from '../../config.js';
import { AuditEntry } from './audit-entry.entity.js';
import { Company, type ScimStatus } from './company.entity.js';
import { scimRateLimitView, type ScimRateLimitView } from './scim-rate-limit.service.js';
import { assertSlug } from './slug.js';
import { EVENT_SOURCE_STATEMENT, type EventSource } from '../events/event-source.js';

export type ScimAvailability = 'AVAILABLE' | 'PLATFORM_DISABLED' | 'ENTRA_ID_CONFLICT';

export interface ScimConfigView {
  availability: ScimAvailability;
  status: ScimStatus;
  baseUrl: string | null;
  usersEndpoint: string | null;
  groupsEndpoint: string | null;
  rateLimit: ScimRateLimitView;
}

export interface CompanyServiceDeps {
  em: EntityManager;
  publicUrl: string;
  scimEnabled: boolean;
  scimRateLimit: Config['scimRateLimit'];
  /** This process's cached SCIM callers of a company, dropped after a change of its SCIM access. */
  forgetScimCallers: ForgetScimCallers;
}

export function scimBaseUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/pp/scim/v2/${slug}`;
}

export function scimAvailability(company: Company, scimEnabled: boolean): ScimAvailability {
  if (!scimEnabled) return 'PLATFORM_DISABLED';
  return company.entraIdEnabled ? 'ENTRA_ID_CONFLICT' : 'AVAILABLE';
}

export function createCompanyService({ em, publicUrl, scimEnabled, scimRateLimit, forgetScimCallers }: CompanyServiceDeps) {
  async function getCompany(companyId: string): Promise<Company> {
    return assertFound(await em.findOne(Company, companyId), 'COMPANY_NOT_FOUND', 'Company not found');
  }

  async function findBySlug(slug: string): Promise<Company | null> {
    return em.findOne(Company, { slug });
  }

  async function getBySlug(slug: string): Promise<Company> {
    return assertFound(await findBySlug(slug), 'COMPANY_NOT_FOUND', `No company "${slug}"`);
  }

  async function createCompany(slug: string, name: string): Promise<Company> {
    assertSlug(slug);
    if (!name.trim()) throw new DomainError('INVALID_INPUT', 'A company needs a name');
    const company = em.create(Company, { slug, name: name.trim() });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new DomainError('SLUG_TAKEN', `A company "${slug}" already exists`);
      }
      throw error;
    }
    return company;
  }

  async function listCompanies(): Promise<Company[]> {
    return em.find(Company, {}, { orderBy: { slug: 'asc' } });
  }

  function scimConfig(company: Company): ScimConfigView {
    const availability = scimAvailability(company, scimEnabled);
    const base = availability === 'AVAILABLE' ? scimBaseUrl(publicUrl, company.slug) : null;
    return {
      availability,
      status: company.scimStatus,
      baseUrl: base,
      usersEndpoint: base && `${base}/Users`,
      groupsEndpoint: base && `${base}/Groups`,
      rateLimit: scimRateLimitView(company, scimRateLimit),
    };
  }

  /** One transaction: the status, its audit entry and its event (naming `source`) commit together. */
  async function setScimStatus(companyId: string, status: ScimStatus, actor: string, source?: EventSource): Promise<ScimConfigView> {
    let changed = false;
    const company = await em.transactional(async (tx) => {
      const row = assertFound(await tx.findOne(Company, companyId), 'COMPANY_NOT_FOUND', 'Company not found');
      if (status === 'ACTIVE') assertCanActivate(row);
      if (row.scimStatus === status) return row;
      if (source) await tx.execute(EVENT_SOURCE_STATEMENT, [source]);
      row.scimStatus = status;
      tx.create(AuditEntry, { company: row, actor, action: status === 'ACTIVE' ? 'scim.activated' : 'scim.deactivated', detail: {} });
      changed = true;
      return row;
    });
    // Cached SCIM tokens carry the status: this process forgets them now, others on NOTIFY.
    if (changed) forgetScimCallers(companyId);
    return scimConfig(company);
  }

  function assertCanActivate(company: Company): void {
    const availability = scimAvailability(company, scimEnabled);
    if (availability === 'PLATFORM_DISABLED') {
      throw new DomainError('SCIM_PLATFORM_DISABLED', 'SCIM is not available in this deployment (SCIM_ENABLED=false)');
    }
    if (availability === 'ENTRA_ID_CONFLICT') {
      throw new DomainError(
        'ENTRA_ID_CONFLICT',
        'SCIM cannot be activated while the native Entra ID integration is active; turn Entra ID off first',
      );
    }
  }

  async function setEntraId(companyId: string, enabled: boolean, actor: string): Promise<Company> {
    const company = await getCompany(companyId);
    if (company.entraIdEnabled !== enabled) {
      company.entraIdEnabled = enabled;
      em.create(AuditEntry, { company, actor, action: enabled ? 'entra.enabled' : 'entra.disabled', detail: {} });
      await em.flush();
      forgetScimCallers(companyId);
    }
    return company;
  }

  async function recordAudit(companyId: string, actor: string, action: string, detail: Record<string, unknown> = {}) {
    em.create(AuditEntry, { company: companyId, actor, action, detail });
    await em.flush();
  }

  async function listAudit(companyId: string, limit = 50): Promise<AuditEntry[]> {
    return em.find(AuditEntry, { company: companyId }, { orderBy: { id: 'desc' }, limit });
  }

  return {
    getCompany,
    findBySlug,
    getBySlug,
    createCompany,
    listCompanies,
    scimConfig,
    activateScim: (companyId: string, actor: string, source?: EventSource) => setScimStatus(companyId, 'ACTIVE', actor, source),
    deactivateScim: (companyId: string, actor: string, source?: EventSource) => setScimStatus(companyId, 'INACTIVE', actor, source),
    setEntraId,
    recordAudit,
    listAudit,
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
