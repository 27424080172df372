import type { EventSource } from '../events/event-source.js';
import type { WrittenEvent } from '../events/event-writer.js';
import type { GuardView } from './deprovisioning-guard.view.js';

type GuardEventType = 'deprovisioning_guard.tripped' | 'deprovisioning_guard.released' | 'deprovisioning_guard.updated';

/**
 * A guard event: the guard as the overview shows it after the change (the resource is the
 * company's guard, by company id), plus what only this change knows (`extra`).
 */
export function guardEvent(type: GuardEventType, view: GuardView, source: EventSource | null, extra: Record<string, unknown> = {}): WrittenEvent {
  return {
    companyId: view.companyId,
    type,
    resourceType: 'DeprovisioningGuard',
    resourceId: view.companyId,
    source,
    data: {
      state: view.state,
      settings: view.settings,
      trippedAt: view.trippedAt?.toISOString() ?? null,
      trippedByTokenId: view.trippedByTokenId,
      trippedByTokenLabel: view.trippedByTokenLabel,
      releasedUntil: view.releasedUntil?.toISOString() ?? null,
      heldBack: view.heldBack,
      appliedInWindow: view.appliedInWindow,
      ...extra,
    },
  };
}

/** The guard right after a release: nothing tripped, held back or counted until `releasedUntil`. */
export const releasedView = (before: GuardView, releasedUntil: Date): GuardView => ({
  ...before, state: 'RELEASED', releasedUntil, trippedAt: null, trippedByTokenId: null, trippedByTokenLabel: null,
  heldBack: 0, heldBackByToken: [], appliedInWindow: 0,
});

/** What a release ended: the trip (if any) and what it had held back. */
export const releasedTrip = (before: GuardView) => ({
  state: before.state, trippedAt: before.trippedAt?.toISOString() ?? null, trippedByTokenId: before.trippedByTokenId,
  trippedByTokenLabel: before.trippedByTokenLabel, heldBack: before.heldBack,
});
