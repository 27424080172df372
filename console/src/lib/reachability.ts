/** Why a cloud IdP (Entra ID, Okta, Google…) could not call a SCIM base URL; null when it can. */
export type Unreachable = 'not-https' | 'loopback' | 'private-network';

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;
const PRIVATE = /^(10(\.\d{1,3}){3}|192\.168(\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2}|169\.254(\.\d{1,3}){2}|\[f[cd][0-9a-f]*:.*\])$/i;

export function unreachableFromCloud(baseUrl: string): Unreachable | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  if (LOOPBACK.test(url.hostname)) return 'loopback';
  if (PRIVATE.test(url.hostname)) return 'private-network';
  // Entra ID, Okta and Google accept only https tenant URLs.
  return url.protocol === 'https:' ? null : 'not-https';
}
