import { CombinedError } from '@urql/core';
import { act, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { makeSubject, never } from 'wonka';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import {
  ScimOverviewActivityDocument,
  ScimOverviewScreenDocument,
  type ConfigurationCard_ScimConfigFragment,
  type EndpointRows_ScimConfigFragment,
  type ThrottledNotice_ScimConfigFragment,
  type TokenExpiryNotice_ScimConfigFragment,
  type ScimAvailability,
  type ScimOverviewActivitySubscription,
  type ScimOverviewScreenQuery,
} from '../../gql/graphql.js';
import type { LiveStatus } from '../../graphql/live-status.js';
import { fakeClient, on, type Reply, type Route } from '../../testing/fake-client.js';
import { advance, renderInConsole } from '../../testing/render-in-console.js';
import { ConfigurationCardCountsFragment } from './configuration-card.js';
import { LastRequestFragment, RecentActivityFragment } from './recent-activity.js';
import { ScimOverviewScreen } from './scim-overview-screen.js';
import { SetupChecklistFragment } from './setup-checklist.js';

const BASE = 'https://roster.test/pp/scim/v2/acme';

const SET_UP = { tokenCreated: true, requestReceived: true, connectionTested: true };

function overview(availability: ScimAvailability, throttledLastHour = 0, setup = SET_UP, baseUrl = BASE): ScimOverviewScreenQuery {
  const config = { status: 'ACTIVE', viewerCanManage: true, viewerCanDeleteAllScimUsers: true } satisfies Omit<ConfigurationCard_ScimConfigFragment, ' $fragmentName'>;
  const endpoints = { baseUrl, usersEndpoint: `${baseUrl}/Users`, groupsEndpoint: `${baseUrl}/Groups` } satisfies Omit<EndpointRows_ScimConfigFragment, ' $fragmentName'>;
  const throttled = { throttledLastHour, rateLimit: { perSecond: 100, burst: 300 } } satisfies Omit<ThrottledNotice_ScimConfigFragment, ' $fragmentName'>;
  const expiry = { tokenExpiryWarnings: [] } satisfies Omit<TokenExpiryNotice_ScimConfigFragment, ' $fragmentName'>;
  const counts = makeFragmentData({ users: 42, groups: 3 }, ConfigurationCardCountsFragment);
  const recentActivity = makeFragmentData({ edges: [], pageInfo: { hasNextPage: true } }, RecentActivityFragment);
  const lastRequest = makeFragmentData({ edges: [] }, LastRequestFragment);
  const scimSetup = makeFragmentData(setup, SetupChecklistFragment);
  return {
    scimConfig: { availability, ...config, ...endpoints, ...throttled, ...expiry },
    counts, activeBulkDeleteJob: null, recentActivity, lastRequest, deprovisioningGuard: null, scimSetup,
  };
}

function renderScreen(reply: () => Reply<ScimOverviewScreenQuery> | typeof never, { live = 'live' as LiveStatus, routes = [] as Route[] } = {}) {
  const fake = fakeClient(on(ScimOverviewScreenDocument, reply), ...routes);
  renderInConsole(<ScimOverviewScreen />, { client: fake.client, live });
  return { queries: () => fake.calls('ScimOverviewScreen') };
}

describe('ScimOverviewScreen', () => {
  it('keeps its layout with skeletons while loading', () => {
    renderScreen(() => never);
    expect(screen.getByRole('status').textContent).toBe('Loading the SCIM overview…');
    expect(screen.queryByTestId('configuration-card')).toBeNull();
  });

  it('shows configuration, endpoints and activity when SCIM is available', () => {
    renderScreen(() => ({ data: overview('AVAILABLE') }));
    expect(document.title).toBe('SCIM Overview · Roster');
    expect(screen.getByTestId('configuration-card')).toBeTruthy();
    expect(screen.getByTestId('endpoint-usersEndpoint').textContent).toContain(`${BASE}/Users`);
    expect(screen.getByRole('button', { name: 'Copy Base URL' })).toBeTruthy();
    expect(screen.getByTestId('recent-activity')).toBeTruthy();
    expect(screen.queryByTestId('notice-throttled')).toBeNull();
  });

  it('guides a first connection in three steps, each ticked from the server\'s data, until it works', () => {
    renderScreen(() => ({ data: overview('AVAILABLE', 0, { tokenCreated: true, requestReceived: false, connectionTested: false }) }));
    const steps = ['setup-step-1', 'setup-step-2', 'setup-step-3'].map((id) => screen.getByTestId(id).getAttribute('data-done'));
    expect(steps).toEqual(['true', 'false', 'false']);
    expect(screen.getByTestId('setup-checklist').textContent).toContain('2 of 3 steps to go.');
  });

  it('shows no checklist once the IdP has connected, nor a warning for a public https Base URL', () => {
    renderScreen(() => ({ data: overview('AVAILABLE') }));
    expect(screen.queryByTestId('setup-checklist')).toBeNull();
    expect(screen.queryByTestId('reachability-warning')).toBeNull();
  });

  it('warns that cloud IdPs cannot reach a localhost Base URL and names PUBLIC_URL', () => {
    renderScreen(() => ({ data: overview('AVAILABLE', 0, SET_UP, 'http://localhost:4000/pp/scim/v2/acme') }));
    const warning = screen.getByTestId('reachability-warning').textContent;
    expect(warning).toContain('Cloud identity providers cannot reach this Base URL');
    expect(warning).toContain('PUBLIC_URL');
  });

  it('says how many requests the rate limit throttled in the last hour', () => {
    renderScreen(() => ({ data: overview('AVAILABLE', 1500) }));
    expect(screen.getByTestId('notice-throttled').textContent).toContain(
      `${new Intl.NumberFormat().format(1500)} requests throttled in the last hour`,
    );
  });

  it.each([
    ['PLATFORM_DISABLED', 'notice-platform-disabled', 'SCIM is disabled at the platform level'],
    ['ENTRA_ID_CONFLICT', 'notice-entra-conflict', 'Microsoft Entra ID integration is active'],
  ] as const)('explains %s instead of showing endpoints', (availability, testId, heading) => {
    renderScreen(() => ({ data: overview(availability) }));
    expect(screen.getByTestId(testId).textContent).toContain(heading);
    expect(screen.queryByTestId('configuration-card')).toBeNull();
    expect(screen.queryByTestId('endpoint-baseUrl')).toBeNull();
  });

  it('is the access-denied page when the server refuses the data', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Needs iam:read.', extensions: { code: 'FORBIDDEN' } }] });
    renderScreen(() => ({ error }));
    expect(screen.getByTestId('access-denied').textContent).toContain('IT Settings › IAM Settings › SCIM2');
  });

  it('says when the server cannot be reached', () => {
    renderScreen(() => ({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) }));
    expect(screen.getByRole('alert').textContent).toContain('The server could not be reached.');
  });

  it('asks for older requests, and for failures only from the first page again', () => {
    const { queries } = renderScreen(() => ({ data: overview('AVAILABLE') }));
    expect(queries().at(-1)).toEqual({ first: 20, failuresOnly: false });
    fireEvent.click(screen.getByRole('button', { name: 'Show older requests' }));
    expect(queries().at(-1)).toEqual({ first: 40, failuresOnly: false });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show failures only' }));
    expect(queries().at(-1)).toEqual({ first: 20, failuresOnly: true });
  });

  it('re-reads once for a burst of live SCIM requests', async () => {
    vi.useFakeTimers();
    const activity = makeSubject<Reply<ScimOverviewActivitySubscription>>();
    const { queries } = renderScreen(() => ({ data: overview('AVAILABLE') }), { routes: [on(ScimOverviewActivityDocument, () => activity.source)] });
    const before = queries().length;
    for (const id of ['e1', 'e2', 'e3']) act(() => activity.next({ data: { provisioningActivity: { id } } }));
    await advance(399);
    expect(queries()).toHaveLength(before);
    await advance(1);
    expect(queries()).toHaveLength(before + 1);
  });

  it('polls every ten seconds while the live connection is down', async () => {
    vi.useFakeTimers();
    const { queries } = renderScreen(() => ({ data: overview('AVAILABLE') }), { live: 'offline' });
    const before = queries().length;
    await advance(10_000);
    expect(queries()).toHaveLength(before + 1);
    expect(screen.getByText('Live updates unavailable; refreshing every 10 s')).toBeTruthy();
  });
});
