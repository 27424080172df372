import { useQuery } from '@urql/preact';
import { useEffect, useMemo } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Skeleton } from '../../ui/skeleton.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { ScimActivationCard } from './scim-activation-card.js';
import { ScimTokensCard } from './scim-tokens-card.js';
import { TokenExpiryNotice } from './token-expiry-notice.js';

// scimTokens needs iam:manage and is non-null at the root: asking for it without the permission
// would null the whole response, so it is only asked for when the viewer holds it.
const SamlOauthQuery = graphql(`
  query SamlOauthScreen($canManage: Boolean!) {
    scimConfig {
      viewerCanManage
      ...ScimActivationCard_ScimConfig
      ...TokenExpiryNotice_ScimConfig
    }
    scimTokens @include(if: $canManage) {
      ...ScimTokensCard_ScimToken
    }
  }
`);

/** IT Settings › IAM Settings › SAML/OAuth — the SCIM part: activation and SCIM tokens. */
export function SamlOauthScreen({ canManage }: { canManage: boolean }) {
  // An empty token list has no ScimToken in it, so say so: creating one must refetch the list.
  const context = useMemo(() => ({ additionalTypenames: ['ScimToken'] }), []);
  const [{ data, error }] = useQuery({ query: SamlOauthQuery, variables: { canManage }, context });
  const config = data?.scimConfig;
  useEffect(() => {
    document.title = 'SAML/OAuth · Roster';
  }, []);
  if (hasErrorCode(error, 'FORBIDDEN') && !data?.scimConfig) return <AccessDeniedScreen area="IT Settings › IAM Settings › SAML/OAuth" />;

  return (
    <>
      <header class="page-header">
        <h1>SAML/OAuth</h1>
        <p class="muted">Single sign-on and SCIM provisioning for your organisation. This page covers the SCIM part.</p>
      </header>
      {error && !data?.scimConfig && (
        <p class="notice notice--danger" role="alert">
          {errorMessage(error, 'The SAML/OAuth settings could not be loaded.')}
        </p>
      )}
      {!data && !error && <ScreenSkeleton />}
      {config && <TokenExpiryNotice config={config} />}
      {config && <ScimActivationCard config={config} />}
      {config?.viewerCanManage && data?.scimTokens && <ScimTokensCard tokens={data.scimTokens} />}
      {config && !config.viewerCanManage && (
        <p class="notice notice--info">
          <span aria-hidden="true" />
          <span>SCIM tokens are managed by operators with the iam:manage permission.</span>
        </p>
      )}
    </>
  );
}

function ScreenSkeleton() {
  return (
    <div class="stack" aria-busy="true">
      <span class="visually-hidden" role="status">
        Loading…
      </span>
      {[0, 1].map((card) => (
        <section class="card" aria-hidden="true" key={card}>
          <Skeleton width="180px" height="1.5rem" />
          <Skeleton width="60%" />
          <Skeleton height="2.5rem" />
        </section>
      ))}
    </div>
  );
}
