import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook endpoints and their deliveries. An endpoint reads the outbox in order from its own
 * cursor (cursor_tx_id, cursor_id); `head_delivery_id` is the delivery of the event it is retrying,
 * so later events wait behind it (in order per endpoint). Manual deliveries (redeliveries and test
 * events) carry their own payload and are sent beside the stream. The secret columns hold
 * AES-GCM ciphertext (webhook-secrets.ts), never the secret.
 */
export class Migration20261202610000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table webhook_endpoint (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        url text not null,
        description text null,
        event_types text[] null,
        enabled boolean not null default true,
        disabled_reason text null,
        secret text not null,
        previous_secret text null,
        previous_secret_expires_at timestamptz null,
        cursor_tx_id bigint not null,
        cursor_id bigint not null,
        head_delivery_id uuid null,
        next_attempt_at timestamptz not null,
        leased_by text null,
        lease_until timestamptz null,
        failed_deliveries integer not null default 0,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create index webhook_endpoint_company_index on webhook_endpoint (company_id);
      create index webhook_endpoint_due_index on webhook_endpoint (next_attempt_at) where enabled;

      create table webhook_delivery (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        endpoint_id uuid not null references webhook_endpoint (id) on delete cascade,
        event_id text not null,
        event_type text not null,
        status text not null,
        attempts integer not null default 0,
        manual boolean not null default false,
        payload text null,
        next_attempt_at timestamptz null,
        last_status_code integer null,
        leased_by text null,
        lease_until timestamptz null,
        created_at timestamptz not null,
        finished_at timestamptz null
      );
      create index webhook_delivery_endpoint_index on webhook_delivery (endpoint_id, created_at);
      create index webhook_delivery_failed_index on webhook_delivery (endpoint_id, created_at) where status = 'FAILED';
      create index webhook_delivery_manual_due_index on webhook_delivery (next_attempt_at) where manual and status = 'PENDING';
      create index webhook_delivery_created_at_index on webhook_delivery (created_at);

      create table webhook_attempt (
        id bigserial primary key,
        delivery_id uuid not null references webhook_delivery (id) on delete cascade,
        attempted_at timestamptz not null,
        status_code integer null,
        duration_ms integer not null,
        response_body text null,
        error text null
      );
      create index webhook_attempt_delivery_index on webhook_attempt (delivery_id, id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table webhook_attempt; drop table webhook_delivery; drop table webhook_endpoint;');
  }
}
