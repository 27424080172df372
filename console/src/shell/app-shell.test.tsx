import { CombinedError } from '@urql/core';
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../gql/fragment-masking.js';
import { SignOutDocument, type Permission } from '../gql/graphql.js';
import { fakeClient, on, type Route } from '../testing/fake-client.js';
import { renderInConsole, settle } from '../testing/render-in-console.js';
import { AppShell, AppShellFragment } from './app-shell.js';
import { SidebarNavFragment } from './sidebar-nav.js';

const SCIM2 = '/it-settings/iam/scim2';

function viewer(permissions: Permission[]) {
  const nav = makeFragmentData({ permissions }, SidebarNavFragment);
  return makeFragmentData({ email: 'ada@acme.test', permissions, company: { id: 'c1', name: 'Acme' }, ...nav }, AppShellFragment);
}

function renderShell({ permissions = ['IAM_READ'] as Permission[], pathname = SCIM2, showBreadcrumb = true, routes = [] as Route[] } = {}) {
  const fake = fakeClient(...routes);
  const shell = (path: string) => (
    <AppShell viewer={viewer(permissions)} pathname={path} showBreadcrumb={showBreadcrumb}>
      <h1>Screen</h1>
    </AppShell>
  );
  const view = renderInConsole(shell(pathname), { client: fake.client });
  return { navigateTo: (path: string) => view.rerender(shell(path)) };
}

describe('AppShell', () => {
  it('names the operator and the company', () => {
    renderShell();
    expect(screen.getByText('ada@acme.test')).toBeTruthy();
    expect(screen.getByText('Acme')).toBeTruthy();
  });

  it('shows the breadcrumb on an IAM screen the operator may open', () => {
    renderShell();
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' }).textContent).toContain('SCIM2');
  });

  it('shows no breadcrumb on access-denied and not-found pages', () => {
    renderShell({ permissions: [], showBreadcrumb: false });
    expect(screen.queryByRole('navigation', { name: 'Breadcrumb' })).toBeNull();
    expect(screen.queryAllByRole('link', { name: /SCIM2|SAML/ })).toEqual([]);
  });

  it('opens the phone menu and closes it with Escape', () => {
    renderShell();
    const toggle = screen.getByRole('button', { name: 'Open menu' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Close menu');
    fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('moves focus to the content after a client-side navigation, not on the first page', () => {
    const { navigateTo } = renderShell();
    const main = screen.getByRole('main');
    expect(document.activeElement).not.toBe(main);
    navigateTo('/it-settings/iam/saml-oauth');
    expect(document.activeElement).toBe(main);
  });

  it('says so when signing out fails, and stays', async () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    renderShell({ routes: [on(SignOutDocument, () => ({ error }))] });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await settle();
    expect(screen.getByTestId('toast-error').textContent).toContain('Signing out failed. Please try again.');
  });
});
