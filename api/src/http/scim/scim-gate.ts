import type { ScimCaller } from '../../modules/access/scim-token-auth.js';
import { ScimError } from '../../scim/errors.js';

/** Refuses every request, before any data is read or written, while SCIM is not on. */
export function assertScimAccepted(caller: ScimCaller, scimEnabled: boolean): void {
  if (!scimEnabled) {
    throw new ScimError(403, undefined, 'SCIM provisioning is not available in this deployment');
  }
  if (caller.entraIdEnabled) {
    throw new ScimError(
      403,
      undefined,
      'SCIM provisioning is unavailable because this company uses the native Entra ID integration; SCIM and Entra ID cannot run together',
    );
  }
  if (caller.scimStatus !== 'ACTIVE') {
    throw new ScimError(
      403,
      undefined,
      'SCIM provisioning is deactivated for this company; an administrator can activate it under IT Settings › IAM Settings › SAML/OAuth',
    );
  }
}
