import type { ComponentChildren } from 'preact';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';

export interface DirectoryColumn<Row> {
  header: string;
  /** The cell's label in the phone layout, when shorter than the header. */
  label?: string;
  class?: string;
  cell: (row: Row) => ComponentChildren;
}

interface DirectoryTableProps<Row> {
  rows: readonly Row[];
  columns: readonly DirectoryColumn<Row>[];
  caption: string;
  testId: string;
  rowTestId: string;
  /** `data-*` attributes of a row, for what the cells say only in words and colour. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  busy: boolean;
}

/** A directory list: one row per entry, stacked into labelled cells at phone width. */
export function DirectoryTable<Row extends { id: string }>({ rows, columns, caption, testId, rowTestId, rowData, busy }: DirectoryTableProps<Row>) {
  return (
    <div class="table-wrap">
      <table class="table table--stack directory-table" aria-busy={busy} data-testid={testId}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={rowTestId} {...rowData?.(row)}>
              {columns.map((column) => (
                <td key={column.header} data-label={column.label ?? column.header} class={column.class}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 hours ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ at }: { at: string }) {
  return (
    <time dateTime={at} title={absoluteTime(at)}>
      {relativeTime(at)}
    </time>
  );
}
