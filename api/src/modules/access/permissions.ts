import { DomainError } from '../../domain/domain-error.js';

export const PERMISSIONS = ['iam:read', 'iam:manage', 'users:delete'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Parses "iam:read,iam:manage"; an unknown name is refused rather than dropped. */
export function parsePermissions(list: string): Permission[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isPermission(name));
  if (unknown.length > 0) {
    throw new DomainError('INVALID_PERMISSION', `Unknown permission ${unknown.join(', ')}; use ${PERMISSIONS.join(', ')}`);
  }
  return [...new Set(names as Permission[])];
}
