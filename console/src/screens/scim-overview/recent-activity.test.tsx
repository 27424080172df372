import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import type { RecentActivity_ConnectionFragment } from '../../gql/graphql.js';
import type { LiveStatus } from '../../graphql/live-status.js';
import { LastRequestFragment, RecentActivity, RecentActivityFragment } from './recent-activity.js';

type Event = RecentActivity_ConnectionFragment['edges'][number]['node'];

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function event(id: string, overrides: Partial<Event> = {}): Event {
  return {
    id,
    occurredAt: minutesAgo(5),
    tokenLabel: 'Okta',
    userAgent: 'Okta SCIM Client 1.0.0',
    method: 'POST /Users',
    operation: 'Create user',
    resourceType: 'User',
    resourceId: `user-${id}`,
    resourceName: null,
    status: 201,
    succeeded: true,
    throttled: false,
    scimType: null,
    message: null,
    durationMs: 12,
    ...overrides,
  };
}

const failed = event('2', { status: 409, succeeded: false, scimType: 'uniqueness', message: 'userName is taken', operation: 'Create user' });

interface Options {
  events?: Event[];
  /** The company's newest request; the first listed event unless a test says otherwise. */
  last?: Event | null;
  hasNextPage?: boolean;
  failuresOnly?: boolean;
  live?: LiveStatus;
}

function activityOf(events: Event[], hasNextPage: boolean) {
  const edges = events.map((node) => ({ cursor: node.id, node }));
  return makeFragmentData({ edges, pageInfo: { hasNextPage } }, RecentActivityFragment);
}

function lastOf(last: Event | null | undefined) {
  const edges = last ? [{ node: { id: last.id, occurredAt: last.occurredAt, tokenLabel: last.tokenLabel } }] : [];
  return makeFragmentData({ edges }, LastRequestFragment);
}

function renderActivity({ events = [], last = events[0], hasNextPage = false, failuresOnly = false, live = 'live' }: Options = {}) {
  const handlers = { onFailuresOnlyChange: vi.fn(), onShowMore: vi.fn() };
  const props = { lastRequest: lastOf(last), failuresOnly, live, ...handlers };
  const view = render(<RecentActivity activity={activityOf(events, hasNextPage)} {...props} />);
  const rerender = (next: Event[]) => view.rerender(<RecentActivity activity={activityOf(next, hasNextPage)} {...props} />);
  return { ...handlers, rerender };
}

const rows = () => screen.queryAllByTestId('activity-row');

describe('RecentActivity', () => {
  it('says what will appear before the first request', () => {
    renderActivity();
    expect(screen.getByText('No SCIM requests yet.')).toBeTruthy();
    expect(screen.getByText('Every SCIM request your identity providers send appears here.')).toBeTruthy();
  });

  it('says there are no failures when filtering finds none', () => {
    renderActivity({ failuresOnly: true });
    expect(screen.getByText('No failed requests.')).toBeTruthy();
  });

  it('lists requests newest first and names the last identity provider', () => {
    renderActivity({ events: [event('1'), failed] });
    expect(rows()).toHaveLength(2);
    expect(rows()[0]!.textContent).toContain('5 minutes ago');
    expect(rows()[0]!.textContent).toContain('OK · 201');
    expect(screen.getByText(/Last request from Okta 5 minutes ago\./)).toBeTruthy();
  });

  it('names the company\'s newest request, not the newest one the filtered list shows', () => {
    renderActivity({ events: [failed], failuresOnly: true, last: event('3', { tokenLabel: 'Entra ID', occurredAt: minutesAgo(1) }) });
    expect(screen.getByText(/Last request from Entra ID 1 minute ago\./)).toBeTruthy();
  });

  it('says so when the newest request carried no valid token', () => {
    renderActivity({ events: [event('1', { tokenLabel: null, status: 401, succeeded: false })] });
    expect(screen.getByText(/Last request from a caller without a valid token 5 minutes ago\./)).toBeTruthy();
  });

  it('makes failures stand out, with the SCIM error type and message', () => {
    renderActivity({ events: [event('1'), failed] });
    const row = rows()[1]!;
    expect(row.dataset['succeeded']).toBe('false');
    expect(row.classList.contains('row--failed')).toBe(true);
    expect(row.textContent).toContain('Failed · 409');
    expect(row.querySelector('.activity-detail')?.textContent).toBe('uniqueness: userName is taken');
    expect(rows()[0]!.querySelector('.activity-detail')).toBeNull();
  });

  it('shows a throttled request as throttled, not as a failure', () => {
    const message = 'Too many requests: this company may send 100 SCIM requests per second (bursts of 300); retry after 1 s';
    renderActivity({ events: [event('1', { status: 429, succeeded: false, throttled: true, message })] });
    const row = rows()[0]!;
    expect(row.classList.contains('row--failed')).toBe(false);
    expect(row.querySelector('.badge--neutral')?.textContent).toBe('Throttled · 429');
    expect(row.textContent).not.toContain('Failed');
    expect(row.querySelector('.activity-detail')).toBeNull();
  });

  it('names requests without a valid token as such', () => {
    renderActivity({ events: [event('1', { tokenLabel: null, status: 401, succeeded: false })] });
    expect(rows()[0]!.textContent).toContain('Unknown (no valid token)');
  });

  it('hands the "failures only" switch and "show older" to the screen', () => {
    const { onFailuresOnlyChange, onShowMore } = renderActivity({ events: [event('1')], hasNextPage: true });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show failures only' }));
    expect(onFailuresOnlyChange).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Show older requests' }));
    expect(onShowMore).toHaveBeenCalledOnce();
  });

  it('offers no "show older" on the last page', () => {
    renderActivity({ events: [event('1')] });
    expect(screen.queryByRole('button', { name: 'Show older requests' })).toBeNull();
  });

  it.each<[LiveStatus, string]>([
    ['live', 'Live'],
    ['connecting', 'Connecting…'],
    ['offline', 'Live updates unavailable; refreshing every 10 s'],
  ])('tells whether updates are live (%s)', (live, text) => {
    renderActivity({ live });
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('highlights requests that arrive while watching, not the ones already there', () => {
    const { rerender } = renderActivity({ events: [event('1')] });
    expect(rows()[0]!.classList.contains('row--new')).toBe(false);
    rerender([event('3', { occurredAt: minutesAgo(0) }), event('1')]);
    expect(rows().map((row) => row.classList.contains('row--new'))).toEqual([true, false]);
  });

  it('highlights the first requests on an empty list', () => {
    const { rerender } = renderActivity();
    rerender([event('1')]);
    expect(rows()[0]!.classList.contains('row--new')).toBe(true);
  });

  it('does not highlight older requests loaded with "Show older requests"', () => {
    const { rerender } = renderActivity({ events: [event('2'), event('1')], hasNextPage: true });
    rerender([event('2'), event('1'), event('0', { occurredAt: minutesAgo(60) })]);
    expect(rows().map((row) => row.classList.contains('row--new'))).toEqual([false, false, false]);
  });

  it('does not highlight failures that were only further down when switching to failures only', () => {
    const { rerender } = renderActivity({ events: [event('3'), failed] });
    rerender([failed, event('0', { succeeded: false, status: 400, occurredAt: minutesAgo(60) })]);
    expect(rows().map((row) => row.classList.contains('row--new'))).toEqual([false, false]);
  });
});
