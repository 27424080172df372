import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

/** The response went away (the client closed it); the export stops reading the database. */
export class ClientGone extends Error {}

/**
 * Cells an IdP controls (names, userNames, error messages) open in a spreadsheet, so a cell
 * starting with = + - @ tab or CR gets a leading quote (csv-stringify's escape_formulas, OWASP
 * CSV injection). CRLF record ends, as RFC 4180 has them.
 */
export function csvChunk<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], withHeader: boolean): string {
  const records = rows.map((row) => columns.map((column) => column.value(row) ?? ''));
  return stringify(withHeader ? [columns.map((c) => c.header), ...records] : records, {
    escape_formulas: true,
    record_delimiter: 'windows',
    // csv-stringify quotes LF but not a lone CR, which spreadsheets also read as a line break.
    quoted_match: /\r/,
  });
}

/** Waits for 'drain' when the socket's buffer is full, so a slow client holds back the database reads. */
export async function writeWithBackpressure(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) throw new ClientGone();
  if (chunk === '' || res.write(chunk)) return;
  const drained = once(res, 'drain').then(() => true);
  const closed = once(res, 'close').then(() => false);
  if (!(await Promise.race([drained, closed]))) throw new ClientGone();
}

/** CSV text per batch, the header row with the first; only one batch is ever in memory. */
export async function* csvChunks<T>(columns: readonly CsvColumn<T>[], batches: AsyncIterable<readonly T[]>): AsyncGenerator<string> {
  let withHeader = true;
  for await (const batch of batches) {
    yield csvChunk(columns, batch, withHeader);
    withHeader = false;
  }
}
