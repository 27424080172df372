import { Provider } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createConsoleClient } from './graphql/client.js';
import { AppRoutes } from './routing/app-routes.js';
import { SessionContext, type Session } from './shell/session-context.js';
import { NotificationsProvider } from './ui/notifications.js';

export function App() {
  // One client per page load: sign-in and sign-out reload the page, which drops cache and socket.
  const [client] = useState(createConsoleClient);
  useEffect(() => () => client.dispose(), [client]);
  const session = useMemo<Session>(() => ({ live: client.live }), [client]);
  return (
    <Provider value={client.urql}>
      <SessionContext.Provider value={session}>
        <NotificationsProvider>
          <AppRoutes />
        </NotificationsProvider>
      </SessionContext.Provider>
    </Provider>
  );
}
