import { act, render } from '@testing-library/preact';
import { Provider, type Client } from '@urql/preact';
import type { ComponentChild } from 'preact';
import { vi } from 'vitest';
import { createLiveStatusStore, type LiveStatus } from '../graphql/live-status.js';
import { SessionContext } from '../shell/session-context.js';
import { NotificationsProvider } from '../ui/notifications.js';
import { fakeClient } from './fake-client.js';

/**
 * Renders `ui` inside what <App> gives every screen: the urql client, the session (socket
 * status, "live" by default so nothing polls) and the notification toasts.
 */
export function renderInConsole(ui: ComponentChild, { client = fakeClient().client, live = 'live' }: { client?: Client; live?: LiveStatus } = {}) {
  const session = { live: createLiveStatusStore(live) };
  const wrap = (child: ComponentChild) => (
    <Provider value={client}>
      <SessionContext.Provider value={session}>
        <NotificationsProvider>{child}</NotificationsProvider>
      </SessionContext.Provider>
    </Provider>
  );
  const result = render(wrap(ui));
  return { ...result, session, rerender: (next: ComponentChild) => result.rerender(wrap(next)) };
}

/** Lets pending promises (a copy, a mutation's answer) settle and renders what they changed. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

/** Moves fake timers on by `ms` and renders what the timers changed (call vi.useFakeTimers() first). */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
