import { CombinedError } from '@urql/core';
import { act, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { makeSubject, never } from 'wonka';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import {
  BulkDeleteProgressDocument,
  DeactivateScimDocument,
  DeleteAllScimUsersDocument,
  type BulkDeleteProgressSubscription,
  type ConfigurationCard_ScimConfigFragment,
  type DeleteAll_BulkDeleteJobFragment,
} from '../../gql/graphql.js';
import { fakeClient, on, type Reply, type Route } from '../../testing/fake-client.js';
import { renderInConsole, settle } from '../../testing/render-in-console.js';
import { ConfigurationCard, ConfigurationCardConfigFragment, ConfigurationCardCountsFragment } from './configuration-card.js';
import { DeleteAllBulkDeleteJobFragment } from './use-bulk-delete.js';

type Config = Omit<ConfigurationCard_ScimConfigFragment, ' $fragmentName'>;
type Job = Omit<DeleteAll_BulkDeleteJobFragment, ' $fragmentName'>;

const admin: Config = { status: 'ACTIVE', viewerCanManage: true, viewerCanDeleteAllScimUsers: true };

function renderCard({ config = admin, users = 42, activeJob = null as Job | null, routes = [] as Route[] } = {}) {
  const onCountsChanged = vi.fn();
  const fake = fakeClient(...routes);
  renderInConsole(
    <ConfigurationCard
      config={makeFragmentData(config, ConfigurationCardConfigFragment)}
      counts={makeFragmentData({ users, groups: 3 }, ConfigurationCardCountsFragment)}
      activeJob={activeJob && makeFragmentData(activeJob, DeleteAllBulkDeleteJobFragment)}
      onCountsChanged={onCountsChanged}
    />,
    { client: fake.client },
  );
  return { onCountsChanged, fake };
}

const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
const deleteAllButton = () => screen.getByRole('button', { name: /Delete All Users|Deleting users…/ }) as HTMLButtonElement;

describe('ConfigurationCard', () => {
  it('shows status and counts', () => {
    renderCard();
    expect(screen.getByTestId('scim-status').textContent).toBe('Active');
    expect(screen.getByTestId('scim-users').textContent).toBe('42');
    expect(screen.getByTestId('scim-groups').textContent).toBe('3');
  });

  it('offers only the actions the permissions allow', () => {
    renderCard({ config: { status: 'ACTIVE', viewerCanManage: false, viewerCanDeleteAllScimUsers: false } });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers no Deactivate while SCIM is inactive', () => {
    renderCard({ config: { ...admin, status: 'INACTIVE' } });
    expect(screen.getByTestId('scim-status').textContent).toBe('Inactive');
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
    expect(deleteAllButton()).toBeTruthy();
  });

  it('deactivates and confirms in a notification', async () => {
    const routes = [on(DeactivateScimDocument, () => ({ data: { deactivateScim: makeFragmentData({ ...admin, status: 'INACTIVE' }, ConfigurationCardConfigFragment) } }))];
    const { fake } = renderCard({ routes });
    fireEvent.click(button('Deactivate'));
    await settle();
    expect(fake.calls('DeactivateScim')).toHaveLength(1);
    expect(screen.getByTestId('toast-success').textContent).toContain('SCIM deactivated.');
  });

  it("shows the server's reason when deactivating fails", async () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'You need iam:manage.', extensions: { code: 'FORBIDDEN' } }] });
    renderCard({ routes: [on(DeactivateScimDocument, () => ({ error }))] });
    fireEvent.click(button('Deactivate'));
    await settle();
    expect(screen.getByTestId('toast-error').textContent).toContain('You need iam:manage.');
  });

  it('asks before deleting, and Cancel starts nothing', () => {
    const { fake } = renderCard();
    fireEvent.click(deleteAllButton());
    expect(screen.getByRole('dialog', { name: 'Delete all SCIM users?' }).textContent).toContain('42 users');
    fireEvent.click(button('Cancel'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls('DeleteAllScimUsers')).toEqual([]);
  });

  it('puts focus on the card heading after confirming, since the button it came from is now disabled', () => {
    renderCard({ routes: [on(DeleteAllScimUsersDocument, () => never)] });
    deleteAllButton().focus();
    fireEvent.click(deleteAllButton());
    fireEvent.click(button('Delete 42 users'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Configuration' }));
  });

  it('gives focus back to the button when cancelled, also after an earlier confirmation', async () => {
    renderCard({ routes: [on(DeleteAllScimUsersDocument, () => ({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) }))] });
    deleteAllButton().focus();
    fireEvent.click(deleteAllButton());
    fireEvent.click(button('Delete 42 users'));
    await settle();
    expect(deleteAllButton().disabled).toBe(false);
    deleteAllButton().focus();
    fireEvent.click(deleteAllButton());
    fireEvent.click(button('Cancel'));
    expect(document.activeElement).toBe(deleteAllButton());
  });

  it('is disabled with a spinner while the job starts', () => {
    renderCard({ routes: [on(DeleteAllScimUsersDocument, () => never)] });
    fireEvent.click(deleteAllButton());
    fireEvent.click(button('Delete 42 users'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deleteAllButton().disabled).toBe(true);
    expect(deleteAllButton().getAttribute('aria-busy')).toBe('true');
    expect(deleteAllButton().textContent).toBe('Deleting users…');
    expect(deleteAllButton().querySelector('.spinner')).not.toBeNull();
  });

  it('follows the job to its end: progress, then a notification and fresh counts', async () => {
    const progress = makeSubject<Reply<BulkDeleteProgressSubscription>>();
    const job = (status: Job['status'], deleted: number) => ({ id: 'job-1', status, total: 42, deleted });
    const routes = [
      on(DeleteAllScimUsersDocument, () => ({ data: { deleteAllScimUsers: job('QUEUED', 0) } })),
      on(BulkDeleteProgressDocument, () => progress.source),
    ];
    const { fake, onCountsChanged } = renderCard({ routes });
    fireEvent.click(deleteAllButton());
    fireEvent.click(button('Delete 42 users'));
    await settle();
    expect(fake.calls('BulkDeleteProgress')).toContainEqual({ jobId: 'job-1' });

    act(() => progress.next({ data: { bulkDeleteProgress: job('RUNNING', 21) } }));
    expect(screen.getByRole('progressbar', { name: 'Deleting SCIM users' }).getAttribute('aria-valuenow')).toBe('21');
    expect(onCountsChanged).not.toHaveBeenCalled();

    act(() => progress.next({ data: { bulkDeleteProgress: job('SUCCEEDED', 42) } }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(deleteAllButton().disabled).toBe(false);
    expect(screen.getByTestId('toast-success').textContent).toContain('42 users deleted in total.');
    expect(onCountsChanged).toHaveBeenCalledOnce();
  });

  it('picks up a job that was already running when the screen loaded', () => {
    renderCard({ activeJob: { id: 'job-0', status: 'RUNNING', total: 10, deleted: 4 } });
    expect(deleteAllButton().disabled).toBe(true);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('4 of 10');
  });
});
