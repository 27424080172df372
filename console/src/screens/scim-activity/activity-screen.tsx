import { useQuery } from '@urql/preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { usePollingFallback } from '../../graphql/use-live-status.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { navigate, useLocation } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { useRefreshOnActivity } from '../scim-overview/scim-overview-screen.js';
import { filtersFromSearch, queryVariables, searchFromFilters, type ActivityFilterValues } from './activity-filters.js';
import { ActivityFilterBar } from './activity-filter-bar.js';
import { ActivityList } from './activity-list.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';

const ActivityScreenQuery = graphql(`
  query ActivityScreen(
    $first: Int!, $after: String, $failuresOnly: Boolean, $status: [Int!], $operation: String, $tokenId: ID,
    $resourceId: ID, $since: DateTime, $until: DateTime
  ) {
    recentActivity(
      first: $first, after: $after, failuresOnly: $failuresOnly, status: $status, operation: $operation,
      tokenId: $tokenId, resourceId: $resourceId, since: $since, until: $until
    ) {
      ...ActivityList_Connection
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    activityTokens {
      id
      label
      revoked
    }
  }
`);

const PAGE = 100;
const POLL_MS = 10_000;

/** IT Settings › IAM Settings › SCIM2 › Activity: every SCIM request, filterable, newest first. */
export function ActivityScreen() {
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const key = searchFromFilters(filters).toString();
  // Keyset paging: the cursors of the pages before this one, so "Newer" steps back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [key]);
  const after = cursors.at(-1) ?? null;
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ActivityScreenQuery,
    variables: { first: PAGE, after, ...queryVariables(filters) },
  });
  const onFirstPage = cursors.length === 1;
  const refresh = useCallback(() => {
    if (onFirstPage) reexecute({ requestPolicy: 'network-only' });
  }, [reexecute, onFirstPage]);
  const live = usePollingFallback(refresh, POLL_MS, onFirstPage);
  useRefreshOnActivity(refresh);
  useEffect(() => {
    document.title = 'SCIM Activity · Roster';
  }, []);

  if (hasErrorCode(error, 'FORBIDDEN') && !data?.recentActivity) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2" />;
  const applyFilters = (next: ActivityFilterValues) => {
    const query = searchFromFilters(next).toString();
    navigate(`${SCIM2_PATH}/activity${query ? `?${query}` : ''}`, { replace: true });
  };
  const pageInfo = data?.recentActivity?.pageInfo;
  return (
    <>
      <header class="page-header">
        <h1>SCIM activity</h1>
        <p class="muted">Every request your identity providers sent, newest first. Filter to find a sync problem.</p>
      </header>
      <ActivityFilterBar filters={filters} tokens={data?.activityTokens ?? []} onChange={applyFilters} />
      {error && (
        <p class="notice notice--danger" role="alert">
          {errorMessage(error, 'The activity could not be loaded.')}
        </p>
      )}
      {data?.recentActivity && (
        <ActivityList
          activity={data.recentActivity}
          live={onFirstPage ? live : undefined}
          busy={fetching}
          page={cursors.length}
          onNewer={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : undefined}
          onOlder={pageInfo?.hasNextPage && pageInfo.endCursor ? () => setCursors([...cursors, pageInfo.endCursor!]) : undefined}
        />
      )}
    </>
  );
}
