import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../lib/graphql-errors.js';
import { CopyButton } from '../../ui/copy-button.js';
import { Dialog } from '../../ui/dialog.js';
import { useNotify } from '../../ui/notifications.js';
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
    expiresAt
    expired
    replacedBy {
      id
      prefix
      lastUsedAt
    }
  }
`);

const RotateMutation = graphql(`
  mutation RotateScimToken($id: ID!) {
    rotateScimToken(id: $id) {
      token {
        id
        label
      }
      secret
    }
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
  const [rotated, setRotated] = useState<{ label: string; secret: string } | null>(null);
  const [, rotate] = useMutation(RotateMutation);
  const notify = useNotify();
  const onRotate = async (id: string) => {
    const result = await rotate({ id }, { additionalTypenames: ['ScimToken'] });
    if (!result.data) return notify('error', errorMessage(result.error, 'The token could not be rotated. Please try again.'));
    setRotated({ label: result.data.rotateScimToken.token.label, secret: result.data.rotateScimToken.secret });
  };
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
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Status and actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  onRevoke={() => setRevoking({ id: token.id, label: token.label })}
                  onRotate={() => void onRotate(token.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      {rotated && (
        <Dialog title={`Token “${rotated.label}” rotated`} onClose={() => setRotated(null)} testId="token-rotated-dialog">
          <p class="notice notice--platform">
            Paste this new token into your identity provider. The old one keeps working for 7 days or until you revoke it.{' '}
            <strong>It will not be shown again.</strong>
          </p>
          <div class="secret-box">
            <code data-testid="rotated-secret">{rotated.secret}</code>
            <CopyButton text={rotated.secret} label="token" />
          </div>
          <div class="dialog__footer">
            <button type="button" class="button button--primary" onClick={() => setRotated(null)}>Done</button>
          </div>
        </Dialog>
      )}
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

function TokenRow({ token, onRevoke, onRotate }: { token: ScimTokensCard_ScimTokenFragment; onRevoke: () => void; onRotate: () => void }) {
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
        {token.replacedBy && !token.revokedAt && (
          <div class="muted" data-testid="rotation-note">
            Rotated: old token last used <When iso={token.lastUsedAt} empty="never" />, new token{' '}
            {token.replacedBy.lastUsedAt ? <>last used <When iso={token.replacedBy.lastUsedAt} empty="" /></> : 'not used yet'}.
            Revoke this one once your identity provider uses the new token.
          </div>
        )}
      </td>
      <td data-label="Expires">
        {token.expiresAt ? (
          <span class={token.expired ? 'badge badge--neutral' : undefined}>
            {token.expired ? 'Expired ' : ''}<When iso={token.expiresAt} empty="" />
          </span>
        ) : (
          <span class="muted">Never</span>
        )}
      </td>
      <td data-label="Status">
        {token.revokedAt ? (
          <span class="badge badge--neutral">
            Revoked <When iso={token.revokedAt} empty="" />
          </span>
        ) : (
          <>
            {!token.replacedBy && !token.expired && (
              <button type="button" class="button" aria-label={`Rotate token ${token.label}`} onClick={onRotate}>
                Rotate
              </button>
            )}
            <button type="button" class="button button--danger-outline" aria-label={`Revoke token ${token.label}`} onClick={onRevoke}>
              Revoke
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
