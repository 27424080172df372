import { useEffect, useState } from 'preact/hooks';
import { downloadExport } from '../../lib/download-export.js';
import { exportHref, OPERATIONS, type ActivityFilterValues } from './activity-filters.js';

const OUTCOMES: [string, string][] = [
  ['', 'Any outcome'], ['ok', 'OK'], ['failed', 'Failed'],
  ...['400', '401', '403', '404', '409', '412', '413', '429', '500', '503'].map((code): [string, string] => [code, `Status ${code}`]),
];

interface Props {
  filters: ActivityFilterValues;
  tokens: readonly { id: string; label: string; revoked: boolean }[];
  onChange: (filters: ActivityFilterValues) => void;
}

const EMPTY: ActivityFilterValues = { outcome: '', operation: '', tokenId: '', resourceId: '', since: '', until: '' };

/** Filters are applied on submit (Enter in any field), so typing an id does not query per key. */
export function ActivityFilterBar({ filters, tokens, onChange }: Props) {
  const [draft, setDraft] = useState(filters);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // The URL is the truth: back/forward or a link with other filters resets the form.
  const filtersKey = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [filtersKey]);
  const set = (name: keyof ActivityFilterValues) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [name]: event.currentTarget.value });

  const startExport = async () => {
    setExportError(null);
    setExporting(true);
    try {
      await downloadExport(exportHref(filters), 'activity.csv');
    } catch (error) {
      setExportError(error instanceof Error ? error.message : 'The export failed.');
    } finally {
      setExporting(false);
    }
  };

  return (
    <section class="card" aria-labelledby="activity-filters-title">
      <h2 id="activity-filters-title" class="visually-hidden">Filters</h2>
      <form
        class="filter-grid"
        onSubmit={(event) => {
          event.preventDefault();
          onChange(draft);
        }}
      >
        <div class="field">
          <label for="filter-outcome">Outcome</label>
          <select id="filter-outcome" class="input" value={draft.outcome} onChange={set('outcome')}>
            {OUTCOMES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="filter-operation">Operation</label>
          <select id="filter-operation" class="input" value={draft.operation} onChange={set('operation')}>
            <option value="">Any operation</option>
            {OPERATIONS.map((operation) => <option key={operation} value={operation}>{operation}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="filter-token">Identity provider (token)</label>
          <select id="filter-token" class="input" value={draft.tokenId} onChange={set('tokenId')}>
            <option value="">Any token</option>
            {tokens.map((token) => (
              <option key={token.id} value={token.id}>{token.revoked ? `${token.label} (revoked)` : token.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-resource">Resource id</label>
          <input id="filter-resource" class="input mono" value={draft.resourceId} onInput={set('resourceId')} placeholder="SCIM id of a user or group" />
        </div>
        <div class="field">
          <label for="filter-since">From</label>
          <input id="filter-since" type="datetime-local" class="input" value={draft.since} onInput={set('since')} />
        </div>
        <div class="field">
          <label for="filter-until">Until</label>
          <input id="filter-until" type="datetime-local" class="input" value={draft.until} onInput={set('until')} />
        </div>
        <div class="filter-grid__actions">
          <button type="submit" class="button button--primary">Apply filters</button>
          <button type="button" class="button" onClick={() => onChange(EMPTY)}>Clear</button>
          <button type="button" class="button" onClick={() => void startExport()} disabled={exporting} data-testid="activity-export">
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
        </div>
      </form>
      {exportError && <p class="field-error" role="alert">{exportError}</p>}
    </section>
  );
}
