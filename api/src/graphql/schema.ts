import { builder } from './builder.js';
import './connection.js';
import '../modules/access/access.graphql.js';
import '../modules/access/sign-in.graphql.js';
import '../modules/companies/scim-config.graphql.js';
import '../modules/companies/entra-id.graphql.js';
import '../modules/companies/scim-rate-limit.graphql.js';
import '../modules/directory/directory.graphql.js';
import '../modules/directory/directory-view.graphql.js';
import '../modules/activity/activity.graphql.js';
import '../modules/access/scim-token.graphql.js';
import '../modules/companies/audit-trail.graphql.js';
import '../modules/bulk-delete/bulk-delete.graphql.js';
import '../modules/events/events.graphql.js';
import '../modules/events/webhooks.graphql.js';
import '../modules/events/webhook-mutations.graphql.js';
import '../modules/deprovisioning/deprovisioning.graphql.js';
import '../modules/deprovisioning-guard/deprovisioning-guard.graphql.js';

/** Every module's *.graphql.ts is imported above for its side effects on the builder. */
export const schema = builder.toSchema({ sortSchema: false });
