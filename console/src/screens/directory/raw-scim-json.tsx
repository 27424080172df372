import { CopyButton } from '../../ui/copy-button.js';

/** Exactly what GET /Users/{id} (or /Groups/{id}) answers, to compare with what the IdP believes it sent. */
export function RawScimJson({ resource, path }: { resource: unknown; path: string }) {
  const text = JSON.stringify(resource, null, 2);
  return (
    <section class="card" aria-labelledby="raw-json-title">
      <div class="card__header">
        <h2 id="raw-json-title">Raw SCIM JSON</h2>
        <div class="card__actions">
          <CopyButton text={text} label="raw SCIM JSON" />
        </div>
        <p class="card__subtitle">
          As <code>GET {path}</code> of the SCIM API answers it.
        </p>
      </div>
      {/* Scrollable and focusable, so a keyboard user can scroll a long resource too. */}
      <pre class="raw-json" tabIndex={0} aria-label="Raw SCIM JSON" data-testid="raw-json">
        {text}
      </pre>
    </section>
  );
}
