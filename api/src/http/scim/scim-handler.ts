import type { Config } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Logger } from '../../logger.js';
import type { Handler } from '../router.js';

export interface ScimHandlerDeps {
  orm: Orm;
  config: Config;
  logger: Logger;
  events: EventBus;
}

export function createScimHandler(_deps: ScimHandlerDeps) {
  const handle: Handler = (_req, res) => {
    res.writeHead(404, { 'content-type': 'application/scim+json' });
    res.end(
      JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404', detail: 'Not found' }),
    );
  };
  return { handle, flush: async () => {} };
}
