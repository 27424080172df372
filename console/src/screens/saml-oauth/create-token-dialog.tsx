import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { CopyButton } from '../../ui/copy-button.js';
import { Dialog } from '../../ui/dialog.js';
import { WarningIcon } from '../../ui/icons.js';
import type { ScimTokenExpiry } from '../../gql/graphql.js';

const CreateTokenMutation = graphql(`
  mutation CreateScimToken($label: String!, $expiresIn: ScimTokenExpiry) {
    createScimToken(label: $label, expiresIn: $expiresIn) {
      token {
        id
        label
      }
      secret
    }
  }
`);

/** Label in, secret out — shown this once, with a copy icon (O20). */
export function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const [{ fetching }, create] = useMutation(CreateTokenMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ label: string; secret: string } | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const label = String(form.get('label')).trim();
    const expiresIn = String(form.get('expiresIn') ?? 'NEVER') as ScimTokenExpiry;
    if (!label) {
      setProblem('Enter a label, for example the name of the identity provider.');
      return;
    }
    const result = await create({ label, expiresIn });
    if (!result.data) {
      setProblem(errorMessage(result.error, 'The token could not be created. Please try again.'));
      return;
    }
    setCreated({ label: result.data.createScimToken.token.label, secret: result.data.createScimToken.secret });
  };

  if (created) {
    return (
      <Dialog key="created" title={`Token “${created.label}” created`} onClose={onClose} describedBy="token-secret-warning" testId="token-created-dialog">
        <p id="token-secret-warning" class="notice notice--platform">
          <WarningIcon />
          <span>
            Copy this token now and paste it into your identity provider as the bearer token.{' '}
            <strong>It will not be shown again.</strong>
          </span>
        </p>
        <div class="secret-box">
          <code data-testid="token-secret">{created.secret}</code>
          <CopyButton text={created.secret} label="token" />
        </div>
        <div class="dialog__footer">
          <button type="button" class="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog key="form" title="Create SCIM token" onClose={onClose} busy={fetching} testId="create-token-dialog">
      <form class="stack" onSubmit={onSubmit} noValidate>
        <div class="field">
          <label for="token-label">Label</label>
          <input
            id="token-label"
            class="input"
            name="label"
            maxLength={100}
            autoComplete="off"
            data-autofocus
            aria-describedby="token-label-hint token-label-error"
            aria-invalid={problem ? 'true' : undefined}
          />
          <span id="token-label-hint" class="field-hint">
            One token per identity provider, e.g. “Entra ID” or “Okta”, makes a later switch easy.
          </span>
          <span id="token-label-error" class="field-error" role="alert">
            {problem ?? ''}
          </span>
        </div>
        <div class="field">
          <label for="token-expiry">Expires</label>
          <select id="token-expiry" class="input" name="expiresIn" defaultValue="NEVER">
            <option value="NEVER">Never</option>
            <option value="DAYS_90">After 90 days</option>
            <option value="YEAR_1">After 1 year</option>
          </select>
        </div>
        <div class="dialog__footer">
          <button type="button" class="button" onClick={onClose} disabled={fetching}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={fetching}>
            Create token
          </button>
        </div>
      </form>
    </Dialog>
  );
}
