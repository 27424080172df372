import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFragmentData } from '../gql/fragment-masking.js';
import type { Permission } from '../gql/graphql.js';
import { SidebarNav, SidebarNavFragment } from './sidebar-nav.js';

const SCIM2 = '/it-settings/iam/scim2';
const SAML = '/it-settings/iam/saml-oauth';

function renderNav(permissions: Permission[], pathname = SCIM2, onNavigate = () => undefined) {
  const viewer = makeFragmentData({ permissions }, SidebarNavFragment);
  return render(<SidebarNav viewer={viewer} pathname={pathname} onNavigate={onNavigate} />);
}

const links = () => screen.queryAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);

beforeEach(() => window.history.replaceState(null, '', '/'));

describe('SidebarNav', () => {
  it('lists the IAM screens for an operator with iam:read', () => {
    renderNav(['IAM_READ']);
    expect(links()).toEqual([
      ['SAML/OAuth', SAML],
      ['SCIM2', SCIM2],
    ]);
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).toContain('IAM Settings');
  });

  it.each<[string, Permission[]]>([
    ['no permission', []],
    ['iam:manage and users:delete but not iam:read', ['IAM_MANAGE', 'USERS_DELETE']],
  ])('shows nothing to open with %s', (_, permissions) => {
    renderNav(permissions);
    expect(links()).toEqual([]);
    expect(screen.getByText('Your role gives you no settings areas yet.')).toBeTruthy();
  });

  it('marks the current screen, and only that one', () => {
    renderNav(['IAM_READ'], SAML);
    expect(screen.getByRole('link', { name: 'SAML/OAuth' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'SCIM2' }).hasAttribute('aria-current')).toBe(false);
  });

  it('navigates in place and tells the shell (to close the phone menu)', () => {
    const onNavigate = vi.fn();
    renderNav(['IAM_READ'], SCIM2, onNavigate);
    fireEvent.click(screen.getByRole('link', { name: 'SAML/OAuth' }));
    expect(window.location.pathname).toBe(SAML);
    expect(onNavigate).toHaveBeenCalledOnce();
  });
});
