import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LiveStatusStore } from '../graphql/live-status.js';

export interface Session {
  live: LiveStatusStore;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <App>');
  return session;
}
