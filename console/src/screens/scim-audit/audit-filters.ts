/** The audit tab's filters as they appear in its URL. */
export interface AuditFilterValues {
  action: string;
  actor: string;
  /** datetime-local text in the browser's time zone. */
  since: string;
  until: string;
}

const NAMES = ['action', 'actor', 'since', 'until'] as const;

export const AUDIT_ACTIONS: [string, string][] = [
  ['scim.activated', 'SCIM activated'],
  ['scim.deactivated', 'SCIM deactivated'],
  ['scim-token.created', 'SCIM token created'],
  ['scim-token.revoked', 'SCIM token revoked'],
  ['scim-token.rotated', 'SCIM token rotated'],
  ['scim-token.expired', 'SCIM token expired'],
  ['users.deleted-all', 'Delete All Users'],
  ['users.restored', 'Users restored'],
  ['users.restored-run', 'Delete All Users run restored'],
  ['users.purged', 'Deleted users purged'],
  ['deprovisioning.policy-changed', 'Deprovisioning policy changed'],
  ['deprovisioning-guard.tripped', 'Deprovisioning guard tripped'],
  ['deprovisioning-guard.released', 'Deprovisioning guard released'],
  ['deprovisioning-guard.updated', 'Deprovisioning guard settings changed'],
  ['operator.signed-in', 'Signed in'],
  ['scim.rate-limit-changed', 'Rate limit changed'],
];

export function auditFilters(search: URLSearchParams): AuditFilterValues {
  const get = (name: string) => search.get(name) ?? '';
  return { action: get('action'), actor: get('actor'), since: get('since'), until: get('until') };
}

export function auditSearch(filters: AuditFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of NAMES) if (filters[name]) search.set(name, filters[name]);
  return search;
}

const instant = (local: string) => {
  const date = local ? new Date(local) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
};

export function auditVariables(filters: AuditFilterValues) {
  return {
    action: filters.action || undefined,
    actor: filters.actor.trim() || undefined,
    since: instant(filters.since),
    until: instant(filters.until),
  };
}

/** "SCIM token created: Okta", "Delete All Users: 1,204 deleted", … */
export function describeAudit(action: string, detailJson: string): string {
  const label = AUDIT_ACTIONS.find(([value]) => value === action)?.[1] ?? action;
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(detailJson) as Record<string, unknown>;
  } catch {
    return label;
  }
  if (typeof detail['deleted'] === 'number') return `${label}: ${new Intl.NumberFormat().format(detail['deleted'])} deleted`;
  if (typeof detail['label'] === 'string') return `${label}: ${detail['label']}`;
  return label;
}
