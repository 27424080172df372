import type { LiveStatus } from '../../graphql/live-status.js';

const LIVE_TEXT: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Live updates unavailable; refreshing every 10 s',
};

/** Whether a list follows new requests over the WebSocket, or falls back to polling. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return <span class={`live-dot ${status === 'live' ? 'live-dot--on' : ''}`}>{LIVE_TEXT[status]}</span>;
}
