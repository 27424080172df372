import { DomainError } from '../../domain/domain-error.js';

// Okta refuses base URLs containing "_" (SCIM-NOTES §1.1), so slugs are kept URL-plain.
const SLUG = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;

export function assertSlug(slug: string): string {
  if (!SLUG.test(slug)) {
    throw new DomainError(
      'INVALID_SLUG',
      `Invalid company identifier "${slug}": use 2–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen`,
    );
  }
  return slug;
}
