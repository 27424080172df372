import { CSRF_HEADERS } from '../graphql/client.js';

/**
 * Exports take the session cookie only with the CSRF header (a plain link could be forged from
 * another site), so the file is fetched here and handed to the browser as a download.
 */
export async function downloadExport(href: string, filename: string): Promise<void> {
  const response = await fetch(href, { headers: CSRF_HEADERS, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The export failed (HTTP ${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
