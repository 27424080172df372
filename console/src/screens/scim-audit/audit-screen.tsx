import { useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { downloadExport } from '../../lib/download-export.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { navigate, useLocation } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { auditFilters, auditSearch, auditVariables, describeAudit, AUDIT_ACTIONS, type AuditFilterValues } from './audit-filters.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';

const AuditScreenQuery = graphql(`
  query AuditScreen($first: Int!, $after: String, $action: String, $actor: String, $since: DateTime, $until: DateTime) {
    auditTrail(first: $first, after: $after, action: $action, actor: $actor, since: $since, until: $until) {
      edges {
        node {
          id
          occurredAt
          actor
          action
          detail
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE = 100;
const AUDIT_PATH = `${SCIM2_PATH}/audit`;

/** IT Settings › IAM Settings › SCIM2 › Audit: who changed the SCIM set-up, and who signed in. */
export function AuditScreen() {
  const { search } = useLocation();
  const filters = auditFilters(search);
  const key = auditSearch(filters).toString();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [key]);
  const [{ data, error, fetching }] = useQuery({
    query: AuditScreenQuery,
    variables: { first: PAGE, after: cursors.at(-1) ?? null, ...auditVariables(filters) },
  });
  useEffect(() => {
    document.title = 'SCIM audit · Roster';
  }, []);
  if (hasErrorCode(error, 'FORBIDDEN') && !data?.auditTrail) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2" />;
  const apply = (next: AuditFilterValues) => {
    const query = auditSearch(next).toString();
    navigate(`${AUDIT_PATH}${query ? `?${query}` : ''}`, { replace: true });
  };
  const entries = data?.auditTrail?.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.auditTrail?.pageInfo;
  return (
    <>
      <header class="page-header">
        <h1>SCIM audit</h1>
        <p class="muted">Who activated or deactivated SCIM, created or revoked tokens, deleted all users, and signed in.</p>
      </header>
      <AuditFilterBar filters={filters} onChange={apply} />
      {error && <p class="notice notice--danger" role="alert">{errorMessage(error, 'The audit trail could not be loaded.')}</p>}
      {data?.auditTrail && (
        <section class="card" aria-labelledby="audit-list-title" aria-busy={fetching} data-testid="audit-list">
          <h2 id="audit-list-title">Entries</h2>
          {entries.length === 0 ? (
            <p class="empty-state">No audit entries match these filters.</p>
          ) : (
            <div class="table-wrap">
              <table class="table table--stack">
                <caption class="visually-hidden">Audit entries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                      <td data-label="Time">
                        <time dateTime={entry.occurredAt} title={absoluteTime(entry.occurredAt)}>{relativeTime(entry.occurredAt)}</time>
                      </td>
                      <td data-label="Who" class="activity-id">{entry.actor}</td>
                      <td data-label="What">{describeAudit(entry.action, entry.detail)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav class="pager" aria-label="Pages of audit entries">
            <button type="button" class="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>Newer</button>
            <span class="muted">Page {cursors.length}</span>
            <button
              type="button"
              class="button"
              disabled={!pageInfo?.hasNextPage}
              onClick={() => pageInfo?.endCursor && setCursors([...cursors, pageInfo.endCursor])}
            >
              Older
            </button>
          </nav>
        </section>
      )}
    </>
  );
}

const EMPTY: AuditFilterValues = { action: '', actor: '', since: '', until: '' };

function AuditFilterBar({ filters, onChange }: { filters: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const [draft, setDraft] = useState(filters);
  const [exportError, setExportError] = useState<string | null>(null);
  const filtersKey = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [filtersKey]);
  const set = (name: keyof AuditFilterValues) => (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [name]: event.currentTarget.value });
  const exportCsv = () => {
    setExportError(null);
    const query = new URLSearchParams(Object.entries(auditVariables(filters)).filter((pair): pair is [string, string] => pair[1] !== undefined));
    downloadExport(`/export/audit.csv${query.size ? `?${query}` : ''}`, 'audit.csv').catch((error: unknown) =>
      setExportError(error instanceof Error ? error.message : 'The export failed.'));
  };
  return (
    <section class="card" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" class="visually-hidden">Filters</h2>
      <form class="filter-grid" onSubmit={(event) => { event.preventDefault(); onChange(draft); }}>
        <div class="field">
          <label for="audit-action">Action</label>
          <select id="audit-action" class="input" value={draft.action} onChange={set('action')}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">Who</label>
          <input id="audit-actor" class="input" value={draft.actor} onInput={set('actor')} placeholder="Email, token label or cli" />
        </div>
        <div class="field">
          <label for="audit-since">From</label>
          <input id="audit-since" type="datetime-local" class="input" value={draft.since} onInput={set('since')} />
        </div>
        <div class="field">
          <label for="audit-until">Until</label>
          <input id="audit-until" type="datetime-local" class="input" value={draft.until} onInput={set('until')} />
        </div>
        <div class="filter-grid__actions">
          <button type="submit" class="button button--primary">Apply filters</button>
          <button type="button" class="button" onClick={() => onChange(EMPTY)}>Clear</button>
          <button type="button" class="button" onClick={exportCsv} data-testid="audit-export">Export CSV</button>
        </div>
      </form>
      {exportError && <p class="field-error" role="alert">{exportError}</p>}
    </section>
  );
}
