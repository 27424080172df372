import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { advance } from '../testing/render-in-console.js';
import { NotificationsProvider, useNotify, type NotificationKind } from './notifications.js';

function Trigger({ kind, message }: { kind: NotificationKind; message: string }) {
  const notify = useNotify();
  return (
    <button type="button" onClick={() => notify(kind, message)}>
      {message}
    </button>
  );
}

function renderWithTriggers() {
  const view = render(
    <NotificationsProvider>
      <Trigger kind="success" message="SCIM activated." />
      <Trigger kind="error" message="The token could not be revoked." />
    </NotificationsProvider>,
  );
  const region = (politeness: string) => view.container.querySelector<HTMLElement>(`[aria-live="${politeness}"]`)!;
  return { polite: region('polite'), assertive: region('assertive') };
}

const send = (message: string) => fireEvent.click(screen.getByRole('button', { name: message }));

describe('notifications', () => {
  it('has both live regions from the first render, empty, so screen readers know them', () => {
    const { polite, assertive } = renderWithTriggers();
    expect(polite.childElementCount).toBe(0);
    expect(assertive.childElementCount).toBe(0);
  });

  it('announces success politely and errors assertively', () => {
    const { polite, assertive } = renderWithTriggers();
    send('SCIM activated.');
    send('The token could not be revoked.');
    expect(polite.textContent).toContain('SCIM activated.');
    expect(polite.textContent).not.toContain('could not be revoked');
    expect(assertive.textContent).toContain('The token could not be revoked.');
  });

  it('dismisses itself after eight seconds', async () => {
    vi.useFakeTimers();
    const { polite } = renderWithTriggers();
    send('SCIM activated.');
    await advance(7_900);
    expect(polite.textContent).toContain('SCIM activated.');
    await advance(200);
    expect(polite.childElementCount).toBe(0);
  });

  it('can be dismissed by hand, one toast at a time', () => {
    const { polite, assertive } = renderWithTriggers();
    send('SCIM activated.');
    send('The token could not be revoked.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss notification' })[0]!);
    expect(polite.childElementCount).toBe(0);
    expect(assertive.childElementCount).toBe(1);
  });

  it('shows at most four at once, dropping the oldest', () => {
    const { polite } = renderWithTriggers();
    for (let i = 0; i < 6; i++) send('SCIM activated.');
    expect(polite.childElementCount).toBe(4);
  });
});
