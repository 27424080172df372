import { useQuery, useSubscription } from '@urql/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { usePollingFallback } from '../../graphql/use-live-status.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { AvailabilityNotice } from './availability-notice.js';
import { ConfigurationCard, ConfigurationCardSkeleton } from './configuration-card.js';
import { DeletedUsers } from './deleted-users.js';
import { EndpointRows, EndpointRowsSkeleton } from './endpoint-rows.js';
import { RecentActivity, RecentActivitySkeleton } from './recent-activity.js';
import { SetupChecklist } from './setup-checklist.js';
import { ThrottledNotice } from './throttled-notice.js';
import { DeprovisioningGuardPanel } from './deprovisioning-guard-panel.js';
import { TokenExpiryNotice } from '../saml-oauth/token-expiry-notice.js';

const ScimOverviewQuery = graphql(`
  query ScimOverviewScreen($first: Int!, $failuresOnly: Boolean!) {
    scimConfig {
      availability
      ...ConfigurationCard_ScimConfig
      ...EndpointRows_ScimConfig
      ...ThrottledNotice_ScimConfig
      ...TokenExpiryNotice_ScimConfig
    }
    deprovisioningGuard {
      ...GuardPanel_DeprovisioningGuard
    }
    counts {
      ...ConfigurationCard_ScimCounts
    }
    activeBulkDeleteJob {
      ...DeleteAll_BulkDeleteJob
    }
    recentActivity(first: $first, failuresOnly: $failuresOnly) {
      ...RecentActivity_Connection
    }
    lastRequest: recentActivity(first: 1) {
      ...RecentActivity_LastRequest
    }
    scimSetup {
      ...SetupChecklist_ScimSetup
    }
  }
`);

const ActivitySubscription = graphql(`
  subscription ScimOverviewActivity {
    provisioningActivity {
      id
    }
  }
`);

// Another tab, operator or API token started Delete All Users: re-reading the screen finds the
// job (activeBulkDeleteJob), which the configuration card then follows to its end.
const BulkDeleteStartedSubscription = graphql(`
  subscription ScimOverviewBulkDeleteStarted {
    bulkDeleteStarted {
      id
    }
  }
`);

const PAGE = 20;
const POLL_MS = 10_000;

/** IT Settings › IAM Settings › SCIM2: one query for the screen; live via a subscription. */
export function ScimOverviewScreen() {
  const [first, setFirst] = useState(PAGE);
  const [failuresOnly, setFailuresOnly] = useState(false);
  // Coming back from SAML/OAuth (a token created there) must tick the set-up at once: the cached
  // answer shows immediately and the network's replaces it.
  const [{ data, error }, reexecute] = useQuery({ query: ScimOverviewQuery, variables: { first, failuresOnly }, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const live = usePollingFallback(refresh, POLL_MS);
  useRefreshOnActivity(refresh);
  useRefreshOnBulkDelete(refresh);
  useEffect(() => {
    document.title = 'SCIM Overview · Roster';
  }, []);

  if (hasErrorCode(error, 'FORBIDDEN') && !data?.scimConfig) {
    return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2" />;
  }
  const config = data?.scimConfig;
  return (
    <>
      <header class="page-header">
        <h1>SCIM Overview</h1>
        <p class="muted">View SCIM provisioning status, endpoints and recent activity.</p>
      </header>
      {error && !data && (
        <p class="notice notice--danger" role="alert">
          {errorMessage(error, 'The SCIM overview could not be loaded.')}
        </p>
      )}
      {!config && !error && <OverviewSkeleton />}
      {config && config.availability !== 'AVAILABLE' && <AvailabilityNotice availability={config.availability} />}
      {config && data?.counts && data.recentActivity && data.lastRequest && config.availability === 'AVAILABLE' && (
        <>
          {data.deprovisioningGuard && <DeprovisioningGuardPanel guard={data.deprovisioningGuard} onChanged={refresh} />}
          <TokenExpiryNotice config={config} />
          <ThrottledNotice config={config} />
          {data.scimSetup && <SetupChecklist setup={data.scimSetup} />}
          <ConfigurationCard
            config={config}
            counts={data.counts}
            activeJob={data.activeBulkDeleteJob}
            onCountsChanged={refresh}
          />
          <EndpointRows config={config} />
          <DeletedUsers onRestored={refresh} />
          <RecentActivity
            activity={data.recentActivity}
            lastRequest={data.lastRequest}
            failuresOnly={failuresOnly}
            onFailuresOnlyChange={(value) => {
              setFailuresOnly(value);
              setFirst(PAGE);
            }}
            onShowMore={() => setFirst(first + PAGE)}
            live={live}
          />
        </>
      )}
    </>
  );
}

/**
 * Each SCIM request can change the counts and always adds an activity row: re-read the screen,
 * coalescing bursts (an IdP's initial sync sends hundreds of requests a second) into one refetch.
 * The activity tab refreshes its first page the same way.
 */
export function useRefreshOnActivity(refresh: () => void) {
  const [{ data }] = useSubscription({ query: ActivitySubscription });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The timer must call the refresh of the moment it fires: an older one re-runs the query with
  // the variables of back then (e.g. "failures only") and the screen would show that answer.
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!data || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, 400);
  }, [data]);
  useEffect(() => () => clearTimeout(timer.current), []);
}

function useRefreshOnBulkDelete(refresh: () => void) {
  const [{ data }] = useSubscription({ query: BulkDeleteStartedSubscription });
  const latest = useRef(refresh);
  latest.current = refresh;
  const jobId = data?.bulkDeleteStarted.id;
  useEffect(() => {
    if (jobId) latest.current();
  }, [jobId]);
}

function OverviewSkeleton() {
  return (
    <div class="stack" aria-busy="true">
      <span class="visually-hidden" role="status">
        Loading the SCIM overview…
      </span>
      <ConfigurationCardSkeleton />
      <EndpointRowsSkeleton />
      <RecentActivitySkeleton />
    </div>
  );
}
