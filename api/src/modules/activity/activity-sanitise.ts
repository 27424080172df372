import { replaceUnstorable } from '../../domain/storable-text.js';
import type { ProvisioningEventInput } from './activity-recorder.js';

type TextField = 'tokenLabel' | 'userAgent' | 'method' | 'operation' | 'resourceType' | 'resourceId' | 'scimType' | 'message' | 'path' | 'resourceName';

/** Longest value kept per text column; longer ones are cut (the activity list shows a line each). */
const MAX_LENGTH: Record<TextField, number> = {
  tokenLabel: 200,
  userAgent: 300,
  method: 16,
  operation: 100,
  resourceType: 50,
  resourceId: 300,
  scimType: 50,
  message: 500,
  path: 1000,
  resourceName: 300,
};
const TEXT_FIELDS = Object.keys(MAX_LENGTH) as TextField[];

/**
 * Text PostgreSQL accepts: it refuses NUL in text and a lone UTF-16 surrogate cannot be encoded
 * as UTF-8. Either would make the whole batched insert fail. Both become U+FFFD, which shows the
 * reader that something was there. Cutting happens first, so a pair split by the cut is repaired too.
 */
export function storableText(value: string, maxLength: number): string {
  const cut = value.length > maxLength ? value.slice(0, maxLength) : value;
  return replaceUnstorable(cut);
}

/** The event with every text field made storable; numbers that are not finite become 0. */
export function sanitiseEvent(event: ProvisioningEventInput): ProvisioningEventInput {
  const clean: ProvisioningEventInput = { ...event };
  for (const field of TEXT_FIELDS) {
    const value = event[field];
    if (typeof value === 'string') clean[field] = storableText(value, MAX_LENGTH[field]);
  }
  if (event.changedAttributes) clean.changedAttributes = event.changedAttributes.map((name) => storableText(name, 200));
  if (!Number.isFinite(clean.durationMs)) clean.durationMs = 0;
  if (!Number.isInteger(clean.status)) clean.status = 0;
  return clean;
}
