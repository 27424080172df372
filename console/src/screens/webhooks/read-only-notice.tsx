import { InfoIcon } from '../../ui/icons.js';

/** What an operator without iam:manage sees instead of the endpoints (the server refuses them the list). */
export function WebhooksReadOnlyNotice() {
  return (
    <p class="notice notice--info" data-testid="webhooks-read-only">
      <InfoIcon />
      <span>Webhook endpoints, their secrets and deliveries are managed by operators with the iam:manage permission.</span>
    </p>
  );
}
