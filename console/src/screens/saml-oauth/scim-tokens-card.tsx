import { useRef, useState } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import type { ScimTokensCard_ScimTokenFragment } from '../../gql/graphql.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { CreateTokenDialog } from './create-token-dialog.js';
import { RevokeTokenDialog } from './revoke-token-dialog.js';

export const ScimTokensCardFragment = graphql(`
  fragment ScimTokensCard_ScimToken on ScimToken {
    id
    label
    prefix
    createdAt
    createdBy
    lastUsedAt
    revokedAt
  }
`);

function When({ iso, empty }: { iso: string | null | undefined; empty: string }) {
  if (!iso) return <span class="muted">{empty}</span>;
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

/** SCIM tokens: one per IdP, created with a label, listed with created / last used, revocable (O20). */
export function ScimTokensCard(props: { tokens: FragmentType<typeof ScimTokensCardFragment>[] }) {
  const tokens = useFragment(ScimTokensCardFragment, props.tokens);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; label: string } | null>(null);
  // A revoked row loses its button; focus goes to the heading rather than to the page's start.
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section class="card" aria-labelledby="scim-tokens-title" data-testid="scim-tokens">
      <div class="card__header">
        <h2 id="scim-tokens-title" ref={heading} tabIndex={-1}>
          SCIM tokens
        </h2>
        <div class="card__actions">
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            Create token
          </button>
        </div>
        <p class="card__subtitle">Identity providers authenticate with a bearer token. Give each provider its own.</p>
      </div>
      {tokens.length === 0 ? (
        <p class="empty-state">No SCIM tokens yet. Create one for your identity provider.</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--stack">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Status and actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} onRevoke={() => setRevoking({ id: token.id, label: token.label })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      {revoking && (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          afterRevoke={heading}
        />
      )}
    </section>
  );
}

function TokenRow({ token, onRevoke }: { token: ScimTokensCard_ScimTokenFragment; onRevoke: () => void }) {
  return (
    <tr data-testid="token-row" data-revoked={String(Boolean(token.revokedAt))}>
      <td data-label="Label">{token.label}</td>
      <td data-label="Token">
        <code>{token.prefix}…</code>
      </td>
      <td data-label="Created">
        <When iso={token.createdAt} empty="" />
        {token.createdBy && <div class="muted">by {token.createdBy}</div>}
      </td>
      <td data-label="Last used">
        <When iso={token.lastUsedAt} empty="Never" />
      </td>
      <td data-label="Status">
        {token.revokedAt ? (
          <span class="badge badge--neutral">
            Revoked <When iso={token.revokedAt} empty="" />
          </span>
        ) : (
          <button type="button" class="button button--danger-outline" aria-label={`Revoke token ${token.label}`} onClick={onRevoke}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
