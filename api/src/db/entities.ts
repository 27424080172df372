import { AuditEntry } from '../modules/companies/audit-entry.entity.js';
import { Company } from '../modules/companies/company.entity.js';
import { DirectoryCount, DirectoryCountDelta } from '../modules/directory/directory-count.entity.js';
import { DirectoryGroup } from '../modules/directory/directory-group.entity.js';
import { DirectoryMembership } from '../modules/directory/directory-membership.entity.js';
import { DirectoryUser } from '../modules/directory/directory-user.entity.js';
import { ApiToken } from '../modules/access/api-token.entity.js';
import { Operator } from '../modules/access/operator.entity.js';
import { OperatorSession } from '../modules/access/operator-session.entity.js';
import { SignInThrottle } from '../modules/access/sign-in-throttle.entity.js';
import { ScimToken } from '../modules/access/scim-token.entity.js';
import { ProvisioningEvent } from '../modules/activity/provisioning-event.entity.js';
import { BulkDeleteJob } from '../modules/bulk-delete/bulk-delete-job.entity.js';
import { DirectoryEvent } from '../modules/events/directory-event.entity.js';
import { WebhookEndpoint } from '../modules/events/webhook-endpoint.entity.js';
import { WebhookAttempt, WebhookDelivery } from '../modules/events/webhook-delivery.entity.js';
import { DeletedDirectoryUser } from '../modules/deprovisioning/deleted-directory-user.entity.js';
import { DeletedGroupMembership } from '../modules/deprovisioning/deleted-group-membership.entity.js';
import {
  DeprovisioningApplied, DeprovisioningGuard, DeprovisioningRefusal,
} from '../modules/deprovisioning-guard/deprovisioning-guard.entity.js';

/** Every entity, listed once so that the app, the CLI and the tests discover the same set. */
export const entities = [
  Company,
  AuditEntry,
  DirectoryUser,
  DirectoryGroup,
  DirectoryMembership,
  DirectoryCount,
  DirectoryCountDelta,
  Operator,
  OperatorSession,
  SignInThrottle,
  ApiToken,
  ScimToken,
  ProvisioningEvent,
  BulkDeleteJob,
  DirectoryEvent,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  DeletedDirectoryUser,
  DeletedGroupMembership,
  DeprovisioningGuard,
  DeprovisioningApplied,
  DeprovisioningRefusal,
];
