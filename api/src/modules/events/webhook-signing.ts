import { Webhook } from 'standardwebhooks';

export interface WebhookMessage {
  id: string;
  timestamp: Date;
  body: string;
}

/** The Standard Webhooks body: `{"type", "timestamp", "data"}`. */
export const webhookBody = (type: string, occurredAt: Date, data: unknown) =>
  JSON.stringify({ type, timestamp: occurredAt.toISOString(), data });

/**
 * `webhook-id`, `webhook-timestamp` and `webhook-signature`, the latter with one `v1,…` per
 * secret (two while a rotated-out secret still signs), so a receiver with either verifies.
 */
export function signedHeaders(message: WebhookMessage, secrets: readonly string[]): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(message.id, message.timestamp, message.body)).join(' ');
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
