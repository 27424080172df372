import { CSRF_HEADERS } from '../graphql/client.js';

/**
 * Exports need the CSRF header beside the session cookie (a plain link could be forged by another
 * site), so the file is fetched here and handed to the browser as a download.
 */
export async function downloadExport(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: CSRF_HEADERS, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The export failed (HTTP ${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; the URL is then only a leak.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `/export/users.csv?search=…` with only the parameters that are set. */
export function exportPath(file: string, params: Record<string, string | boolean | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return `/export/${file}${text ? `?${text}` : ''}`;
}
