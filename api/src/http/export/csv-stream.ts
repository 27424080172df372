import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

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

/** CSV text per batch, the header row with the first; only one batch is ever in memory. */
export async function* csvChunks<T>(columns: readonly CsvColumn<T>[], batches: AsyncIterable<readonly T[]>): AsyncGenerator<string> {
  let withHeader = true;
  for await (const batch of batches) {
    yield csvChunk(columns, batch, withHeader);
    withHeader = false;
  }
}
