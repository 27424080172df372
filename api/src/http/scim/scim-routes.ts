import { bulkRoutes } from './bulk.routes.js';
import { discoveryRoutes } from './discovery.routes.js';
import { groupRoutes } from './groups.routes.js';
import type { ScimRoute } from './scim-route.js';
import { searchRoutes } from './search.routes.js';
import { userRoutes } from './users.routes.js';

/** Every SCIM endpoint under /pp/scim/v2/:company; specific patterns before ':id' ones. */
export const scimRoutes: readonly ScimRoute[] = [
  ...userRoutes,
  ...groupRoutes,
  ...searchRoutes,
  ...bulkRoutes,
  ...discoveryRoutes,
];
