import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { never } from 'wonka';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import { ActivateScimDocument, type ScimActivationCard_ScimConfigFragment } from '../../gql/graphql.js';
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
    ['PLATFORM_DISABLED', 'disabled for this whole Roster deployment'],
    ['ENTRA_ID_CONFLICT', 'Turn off Entra ID first'],
  ] as const)('cannot be activated when %s, and says why next to the button', (availability, reason) => {
    renderCard({ ...inactive, availability });
    expect(toggle().textContent).toBe('Activate SCIM');
    expect(toggle().disabled).toBe(true);
    expect(document.getElementById(toggle().getAttribute('aria-describedby')!)?.textContent).toContain(reason);
  });

  it('can still be deactivated when it became unavailable while active', () => {
    renderCard({ availability: 'ENTRA_ID_CONFLICT', status: 'ACTIVE', viewerCanManage: true });
    expect(toggle().textContent).toBe('Deactivate SCIM');
    expect(toggle().disabled).toBe(false);
  });

  it('shows the status without a button to readers without iam:manage', () => {
    renderCard({ ...inactive, status: 'ACTIVE', viewerCanManage: false });
    expect(screen.getByTestId('activation-status').textContent).toBe('Active');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Activating and deactivating SCIM needs the iam:manage permission.')).toBeTruthy();
  });
});
