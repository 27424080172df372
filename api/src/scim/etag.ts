/**
 * ETags of SCIM resources (RFC 7644 §3.14). A resource's ETag is its version as a weak tag:
 * versions say "changed", not "byte-identical", so every comparison here is weak.
 */

/** The versions an If-Match accepts, for a conditional statement; `null` accepts any. */
export type AcceptedVersions = number[] | null;

const VERSION = /^(0|[1-9]\d{0,9})$/;
const MAX_VERSION = 2_147_483_647;

export function formatEtag(version: number): string {
  return `W/"${version}"`;
}

/** The versions a header lists, with W/ and quotes removed. */
function listedTags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/"/g, ''));
}

const acceptsAny = (header: string | undefined): boolean => !header || header.trim() === '*';

/** If-Match: absent, "*" or a tag equal to the current version. */
export function ifMatchAllows(ifMatch: string | undefined, current: number): boolean {
  return acceptsAny(ifMatch) || listedTags(ifMatch!).includes(String(current));
}

/** The versions If-Match accepts, for a statement guarded by version; tags that are no version are dropped. */
export function acceptedVersions(ifMatch: string | undefined): AcceptedVersions {
  if (acceptsAny(ifMatch)) return null;
  return listedTags(ifMatch!).filter((tag) => VERSION.test(tag)).map(Number).filter((version) => version <= MAX_VERSION);
}

/** If-None-Match: any listed tag equal to the current version, or "*". */
export function notModified(ifNoneMatch: string | undefined, version: number): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === `"${version}"`);
}
