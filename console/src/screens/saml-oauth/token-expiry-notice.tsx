import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { WarningIcon } from '../../ui/icons.js';

export const TokenExpiryNoticeFragment = graphql(`
  fragment TokenExpiryNotice_ScimConfig on ScimConfig {
    tokenExpiryWarnings {
      tokenId
      label
      prefix
      expiresAt
      expired
    }
  }
`);

/** From 20 days before a SCIM token expires (the server decides which): rotate it before the IdP is locked out. */
export function TokenExpiryNotice(props: { config: FragmentType<typeof TokenExpiryNoticeFragment> }) {
  const { tokenExpiryWarnings: warnings } = useFragment(TokenExpiryNoticeFragment, props.config);
  if (warnings.length === 0) return null;
  return (
    <section class="notice notice--platform" data-testid="notice-token-expiry" aria-labelledby="token-expiry-title">
      <WarningIcon />
      <div>
        <h2 id="token-expiry-title">{warnings.length === 1 ? 'A SCIM token expires soon' : `${warnings.length} SCIM tokens expire soon`}</h2>
        <ul>
          {warnings.map((warning) => (
            <li key={warning.tokenId}>
              “{warning.label}” (<code>{warning.prefix}…</code>) {warning.expired ? 'expired' : 'expires'}{' '}
              <time dateTime={warning.expiresAt} title={absoluteTime(warning.expiresAt)}>{relativeTime(warning.expiresAt)}</time>.
            </li>
          ))}
        </ul>
        <p>Rotate the token on the SAML/OAuth screen and paste the new one into the identity provider.</p>
      </div>
    </section>
  );
}
