import { Webhook } from 'standardwebhooks';

export interface WebhookMessage {
  id: string;
  timestamp: Date;
  body: string;
}

/** The Standard Webhooks body: `{"type", "timestamp", "data"}`. */
export const webhookBody = (type: string, occurredAt: Date, data: unknown) =>
  JSON.stringify({ type, timestamp: occurredAt.toISOString(), data });

export type Signer = (message: WebhookMessage) => Record<string, string>;

/**
 * Signs messages with every given secret: `webhook-id`, `webhook-timestamp` and
 * `webhook-signature`, the latter with one `v1,…` per secret (two while a rotated-out secret still
 * signs), so a receiver with either verifies. The keys are decoded once per signer, not per message.
 */
export function createSigner(secrets: readonly string[]): Signer {
  const keys = secrets.map((secret) => new Webhook(secret));
  return (message) => ({
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': keys.map((key) => key.sign(message.id, message.timestamp, message.body)).join(' '),
  });
}

export const signedHeaders = (message: WebhookMessage, secrets: readonly string[]) => createSigner(secrets)(message);
