import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { never } from 'wonka';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import { ActivateScimDocument, DisableEntraIdDocument, type ScimActivationCard_ScimConfigFragment } from '../../gql/graphql.js';
import { fakeClient, on, type Route } from '../../testing/fake-client.js';
import { renderInConsole, settle } from '../../testing/render-in-console.js';
import { ScimActivationCard, ScimActivationCardFragment } from './scim-activation-card.js';

type Config = Omit<ScimActivationCard_ScimConfigFragment, ' $fragmentName'>;

const inactive: Config = { availability: 'AVAILABLE', status: 'INACTIVE', viewerCanManage: true };

function renderCard(config: Config, ...routes: Route[]) {
  const fake = fakeClient(...routes);
  renderInConsole(<ScimActivationCard config={makeFragmentData(config, ScimActivationCardFragment)} />, { client: fake.client });
  return fake;
}

const toggle = () => screen.getByRole('button', { name: /SCIM$/ }) as HTMLButtonElement;

describe('ScimActivationCard', () => {
  it('activates SCIM and says what that means', async () => {
    const activated = { activateScim: makeFragmentData({ ...inactive, status: 'ACTIVE' }, ScimActivationCardFragment) };
    const fake = renderCard(inactive, on(ActivateScimDocument, () => ({ data: activated })));
    expect(screen.getByTestId('activation-status').textContent).toBe('Inactive');
    fireEvent.click(toggle());
    await settle();
    expect(fake.calls('ActivateScim')).toHaveLength(1);
    expect(screen.getByTestId('toast-success').textContent).toContain('SCIM activated.');
  });

  it('is busy while the change runs', () => {
    renderCard(inactive, on(ActivateScimDocument, () => never));
    fireEvent.click(toggle());
    expect(toggle().disabled).toBe(true);
    expect(toggle().getAttribute('aria-busy')).toBe('true');
  });

  it.each([
    ['PLATFORM_DISABLED', 'Unavailable in this deployment', 'SCIM_ENABLED'],
    ['ENTRA_ID_CONFLICT', 'Blocked by the Entra ID integration', 'Turn off the Entra ID integration first'],
  ] as const)('shows the blocking state and what to do when %s, never "Active" and a toggle', (availability, status, todo) => {
    renderCard({ availability, status: 'ACTIVE', viewerCanManage: true });
    expect(screen.getByTestId('activation-status').textContent).toBe(status);
    expect(screen.getByTestId('activation-blocked').textContent).toContain(todo);
    expect(screen.queryByRole('button', { name: /SCIM$/ })).toBeNull();
  });

  it('offers iam:manage operators to turn the Entra ID integration off, after a confirmation', async () => {
    const available = { disableEntraId: makeFragmentData({ availability: 'AVAILABLE', status: 'INACTIVE', viewerCanManage: true }, ScimActivationCardFragment) };
    const fake = renderCard({ availability: 'ENTRA_ID_CONFLICT', status: 'INACTIVE', viewerCanManage: true }, on(DisableEntraIdDocument, () => ({ data: available })));
    expect(screen.queryByRole('button', { name: 'Turn off Entra ID integration' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off Entra ID integration' }));
    expect(fake.calls('DisableEntraId')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off Entra ID' }));
    await settle();
    expect(fake.calls('DisableEntraId')).toHaveLength(1);
    expect(screen.getByTestId('toast-success').textContent).toContain('Entra ID integration turned off');
  });

  it('offers no Entra ID switch to readers, nor on the platform-disabled deployment', () => {
    renderCard({ availability: 'ENTRA_ID_CONFLICT', status: 'INACTIVE', viewerCanManage: false });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the status without a button to readers without iam:manage', () => {
    renderCard({ ...inactive, status: 'ACTIVE', viewerCanManage: false });
    expect(screen.getByTestId('activation-status').textContent).toBe('Active');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Activating and deactivating SCIM needs the iam:manage permission.')).toBeTruthy();
  });
});
