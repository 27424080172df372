import { useState } from 'preact/hooks';
import { downloadExport } from '../../lib/download-export.js';
import { DownloadIcon, SpinnerIcon } from '../../ui/icons.js';
import { useNotify } from '../../ui/notifications.js';

/** Downloads the list as CSV, with the search on screen (the whole result, not just this page). */
export function ExportButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadExport(path, filename);
    } catch (error) {
      notify('error', error instanceof Error ? error.message : 'The export failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="button" onClick={onClick} disabled={busy} aria-busy={busy} data-export-path={path}>
      {busy ? <SpinnerIcon /> : <DownloadIcon />}
      {label}
    </button>
  );
}
