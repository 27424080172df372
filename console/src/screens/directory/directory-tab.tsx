import type { CombinedError } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { DirectorySearch, EmptyList } from './directory-search.js';
import { ExportButton } from './export-button.js';
import { Pager } from './pager.js';
import { TableSkeleton } from './table-skeleton.js';
import type { KeysetPager } from './use-keyset-pager.js';
import type { SearchParam } from './use-search-param.js';

export interface DirectoryPage<Row> {
  edges: readonly { node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface DirectoryTabProps<Row> {
  /** Plural, lower case: "users". */
  what: string;
  title: string;
  intro: string;
  search: SearchParam & { placeholder: string };
  /** Narrowing besides the search ("inactive"), and how to drop it; the no-match state names it. */
  narrowed?: { word: string; clear: () => void } | undefined;
  /** Controls beside the search box (a status filter). */
  filters?: ComponentChildren;
  exportPath: string;
  result: { connection: DirectoryPage<Row> | null | undefined; error: CombinedError | undefined; fetching: boolean };
  pager: KeysetPager;
  pageSize: number;
  emptyText: string;
  table: (rows: Row[], busy: boolean) => ComponentChildren;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** SCIM2 › Users or Groups: searched on the server, paged by key, exportable as CSV. */
export function DirectoryTab<Row>(props: DirectoryTabProps<Row>) {
  const { what, search, narrowed, result, pager } = props;
  const Title = capitalised(what);
  useEffect(() => {
    document.title = `SCIM ${Title} · Roster`;
  }, [Title]);
  if (hasErrorCode(result.error, 'FORBIDDEN')) return <AccessDeniedScreen area={`IT Settings › IAM Settings › SCIM2 › ${Title}`} />;
  const { connection, error } = result;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const clear = () => {
    search.setText('');
    narrowed?.clear();
  };
  return (
    <>
      <header class="page-header">
        <h1>{props.title}</h1>
        <p class="muted">{props.intro}</p>
      </header>
      <section class="card" aria-labelledby={`${what}-title`}>
        <h2 id={`${what}-title`} class="visually-hidden">
          Directory {what}
        </h2>
        <div class="directory-toolbar">
          <DirectorySearch id={`${what.slice(0, -1)}-search`} label={`Search ${what}`} placeholder={search.placeholder} text={search.text} onText={search.setText} />
          {props.filters}
          <ExportButton path={props.exportPath} filename={`${what}.csv`} label="Export CSV" />
        </div>
        {error && !connection && (
          <p class="notice notice--danger" role="alert">
            {errorMessage(error, `The ${what} could not be loaded.`)}
          </p>
        )}
        {!connection && !error && <TableSkeleton label={`Loading ${what}…`} />}
        {connection && rows.length === 0 && (
          <EmptyList query={search.query} narrowed={narrowed?.word} what={what} emptyText={props.emptyText} onClear={clear} />
        )}
        {rows.length > 0 && props.table(rows, result.fetching)}
        {connection && (
          <Pager pager={pager} shown={rows.length} pageSize={props.pageSize} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what={Title} />
        )}
      </section>
    </>
  );
}
