import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { DirectoryEventType } from '../../gql/graphql.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { Dialog } from '../../ui/dialog.js';
import { EventTypePicker } from './event-type-picker.js';
import { SecretOnce } from './secret-once.js';

const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [DirectoryEventType!], $description: String) {
    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description) {
      endpoint {
        id
        url
      }
      secret
    }
  }
`);

interface Draft {
  url: string;
  description: string;
  /** null: every event type, also ones added later. */
  eventTypes: DirectoryEventType[] | null;
}

function problemWith(draft: Draft): string | null {
  if (!draft.url.trim()) return 'Enter the URL Roster should post events to.';
  if (draft.eventTypes?.length === 0) return 'Choose at least one event type, or receive all events.';
  return null;
}

/** URL, event types and a description in; the signing secret out, shown this once. */
export function AddEndpointDialog({ onClose }: { onClose: () => void }) {
  const [{ fetching }, create] = useMutation(CreateWebhookEndpointMutation);
  const [draft, setDraft] = useState<Draft>({ url: '', description: '', eventTypes: null });
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const invalid = problemWith(draft);
    setProblem(invalid);
    if (invalid) return;
    const result = await create(
      { url: draft.url.trim(), eventTypes: draft.eventTypes, description: draft.description.trim() || null },
      { additionalTypenames: ['WebhookEndpoint'] },
    );
    if (!result.data) {
      setProblem(errorMessage(result.error, 'The endpoint could not be added. Please try again.'));
      return;
    }
    const { endpoint, secret } = result.data.createWebhookEndpoint;
    setCreated({ url: endpoint.url, secret });
  };

  if (created) {
    return (
      <Dialog key="created" title="Endpoint added" onClose={onClose} describedBy="webhook-secret-warning" testId="webhook-created-dialog">
        <p class="break-anywhere">
          Events now go to <code>{created.url}</code>.
        </p>
        <SecretOnce secret={created.secret} id="webhook-secret-warning" />
        <div class="dialog__footer">
          <button type="button" class="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog key="form" title="Add webhook endpoint" onClose={onClose} busy={fetching} testId="add-webhook-dialog">
      <form class="stack" onSubmit={onSubmit} noValidate>
        <div class="field">
          <label for="webhook-url">URL</label>
          <input
            id="webhook-url"
            class="input"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://app.example.com/webhooks/roster"
            value={draft.url}
            onInput={(e) => setDraft({ ...draft, url: e.currentTarget.value })}
            data-autofocus
            aria-describedby="webhook-url-hint webhook-form-error"
            aria-invalid={problem && !draft.url.trim() ? 'true' : undefined}
          />
          <span id="webhook-url-hint" class="field-hint">An https URL of your application. Redirects are not followed.</span>
        </div>
        <div class="field">
          <label for="webhook-description">Description (optional)</label>
          <input
            id="webhook-description"
            class="input"
            maxLength={500}
            autoComplete="off"
            value={draft.description}
            onInput={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          />
        </div>
        <EventTypePicker value={draft.eventTypes} onChange={(eventTypes) => setDraft({ ...draft, eventTypes })} />
        <span id="webhook-form-error" class="field-error" role="alert">
          {problem ?? ''}
        </span>
        <div class="dialog__footer">
          <button type="button" class="button" onClick={onClose} disabled={fetching}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={fetching}>
            Add endpoint
          </button>
        </div>
      </form>
    </Dialog>
  );
}
