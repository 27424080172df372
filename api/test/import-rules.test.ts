import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A file that does not exist, linted with the repository's config as if it did. */
async function boundaryErrors(eslint: ESLint, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return result!.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('import rules (eslint/import-rules.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it.each([
    ['scim imports http', 'api/src/scim/probe.ts', `import { SCIM_PREFIX } from '../http/router.js';`],
    ['scim imports a module', 'api/src/scim/probe.ts', `import { UUID } from '../modules/directory/directory-preconditions.js';`],
    ['domain imports scim', 'api/src/domain/probe.ts', `import { ScimError } from '../scim/errors.js';`],
    ['domain imports config', 'api/src/domain/probe.ts', `import type { Config } from '../config.js';`],
    ['a service imports graphql', 'api/src/modules/activity/probe.service.ts', `import { builder } from '../../graphql/builder.js';`],
    ['a service imports http', 'api/src/modules/activity/probe.service.ts', `import { SCIM_PREFIX } from '../../http/router.js';`],
    ['a service imports a module\'s GraphQL types', 'api/src/modules/activity/probe.service.ts', `import { ViewerRef } from '../access/access.graphql.js';`],
    ['GraphQL types import http', 'api/src/modules/access/probe.graphql.ts', `import { SCIM_PREFIX } from '../../http/router.js';`],
    ['http imports graphql', 'api/src/http/probe.ts', `import { schema } from '../graphql/schema.js';`],
    ['graphql imports http', 'api/src/graphql/probe.ts', `export { SCIM_PREFIX } from '../http/router.js';`],
    ['db imports a module service', 'api/src/db/probe.ts', `import { createActivityService } from '../modules/activity/activity.service.js';`],
    ['a module imports app.ts', 'api/src/modules/activity/probe.ts', `import { buildApp } from '../../app.js';`],
    ['a module imports services.ts', 'api/src/modules/activity/probe.ts', `import type { Services } from '../../services.js';`],
    ['config imports a module', 'api/src/config.ts', `import { UUID } from './modules/directory/directory-preconditions.js';`],
    ['the console imports the server', 'console/src/probe.ts', `import { UUID } from '../../api/src/modules/directory/directory-preconditions.js';`],
  ])('refuses: %s', async (_name, filePath, code) => {
    const errors = await boundaryErrors(eslint, filePath, `${code}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/no policy allowing dependencies|not allowed/i);
  });

  it.each([
    ['scim imports domain', 'api/src/scim/probe.ts', `import { DomainError } from '../domain/domain-error.js';`],
    ['GraphQL types import the builder', 'api/src/modules/access/probe.graphql.ts', `import { builder } from '../../graphql/builder.js';`],
    ['a service imports paging from domain', 'api/src/modules/activity/probe.service.ts', `import { toPage } from '../../domain/paging.js';`],
    ['http imports credentials from the access module', 'api/src/http/probe.ts', `import { bearerToken } from '../modules/access/credentials.js';`],
    ['db lists an entity', 'api/src/db/probe.ts', `import { Company } from '../modules/companies/company.entity.js';`],
    ['app.ts imports an edge', 'api/src/app.ts', `import { createGraphqlServer } from './graphql/yoga.js';`],
  ])('allows: %s', async (_name, filePath, code) => {
    expect(await boundaryErrors(eslint, filePath, `${code}\n`)).toEqual([]);
  });

  /** The messages of the syntax rules (one way to listen, no SCIM error in a module) for `code` at `filePath`. */
  const syntaxErrors = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(`${code}\n`, { filePath: `${ROOT}${filePath}` });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('refuses a listener outside events/ that subscribes to the bus itself, and allows followChannel', async () => {
    const raw = `import type { EventBus } from '../../events/event-bus.js';
export const listen = (events: EventBus) => events.subscribe('scim_auth', () => undefined);`;
    const followed = `import type { EventBus } from '../../events/event-bus.js';
import { anyPayload, followChannel } from '../../events/event-stream.js';
export const listen = (events: EventBus) => followChannel(events, 'scim_auth', anyPayload, () => undefined);`;
    expect(await syntaxErrors('api/src/modules/access/probe.ts', raw)).toEqual([
      'Listen with followChannel or streamChannel (api/src/events/event-stream.ts), not EventBus.subscribe.',
    ]);
    expect(await syntaxErrors('api/src/modules/access/probe.ts', followed)).toEqual([]);
    expect(await syntaxErrors('api/src/http/probe.ts', raw.replace('../../', '../'))).toEqual([
      'Listen with followChannel or streamChannel (api/src/events/event-stream.ts), not EventBus.subscribe.',
    ]);
  });

  it('refuses a module that throws a SCIM error, and lets the SCIM edge build one', async () => {
    const thrown = (prefix: string) => `import { ScimError } from '${prefix}scim/errors.js';
export const refuse = () => { throw new ScimError(503, undefined, 'later'); };`;
    expect(await syntaxErrors('api/src/modules/directory/probe.ts', thrown('../../'))).toEqual([
      'A module throws DomainError; the SCIM edge (http/scim/scim-reply.ts) renders it as a SCIM error.',
    ]);
    expect(await syntaxErrors('api/src/http/scim/probe.ts', thrown('../../'))).toEqual([]);
  });
});
