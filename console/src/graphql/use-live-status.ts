import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../shell/session-context.js';
import type { LiveStatus } from './live-status.js';

/** The subscription socket's state, re-rendering on change. */
export function useLiveStatus(): LiveStatus {
  const { live } = useSession();
  const [status, setStatus] = useState(live.get());
  useEffect(() => {
    setStatus(live.get());
    return live.subscribe(setStatus);
  }, [live]);
  return status;
}

/**
 * Calls `refresh` every `intervalMs` while the socket is not live: the fallback that keeps a
 * screen current when WebSockets are blocked.
 */
export function usePollingFallback(refresh: () => void, intervalMs: number, enabled = true): LiveStatus {
  const status = useLiveStatus();
  useEffect(() => {
    if (!enabled || status === 'live') return;
    const timer = setInterval(refresh, intervalMs);
    return () => clearInterval(timer);
  }, [status, enabled, intervalMs, refresh]);
  return status;
}
