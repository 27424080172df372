import { ScimError } from '../../scim/errors.js';
import {
  buildResourceTypeDocument, buildResourceTypes, buildSchemaDocument, buildSchemasList, buildServiceProviderConfig,
  findResourceTypeById, findSchemaById,
} from '../../scim/schema/discovery.js';
import type { ScimRequest, ScimReply, ScimRoute } from './scim-route.js';

const ok = (body: unknown): ScimReply => ({ status: 200, body });

function serviceProviderConfig(request: ScimRequest): Promise<ScimReply> {
  const { config, baseUrl } = request;
  return Promise.resolve(
    ok(
      buildServiceProviderConfig({
        baseUrl,
        bulk: { supported: true, maxOperations: config.scimBulkMaxOperations, maxPayloadSize: config.scimMaxBodyBytes },
        filterMaxResults: config.scimMaxResults,
      }),
    ),
  );
}

function resourceType(request: ScimRequest): Promise<ScimReply> {
  const found = findResourceTypeById(request.params[0]!);
  if (!found) throw new ScimError(404, undefined, `No resource type ${request.params[0]}`);
  return Promise.resolve(ok(buildResourceTypeDocument(found, request.baseUrl)));
}

function schema(request: ScimRequest): Promise<ScimReply> {
  const found = findSchemaById(request.params[0]!);
  if (!found) throw new ScimError(404, undefined, `No schema ${request.params[0]}`);
  return Promise.resolve(ok(buildSchemaDocument(found, request.baseUrl)));
}

/** /Me is optional (RFC 7644 §3.11) and no IdP provisioning client uses it. */
const me = () => Promise.reject(new ScimError(501, undefined, 'The /Me endpoint is not supported by this service provider'));
const meEndpoint = { operation: 'Me', handle: me };

export const discoveryRoutes: ScimRoute[] = [
  { pattern: ['ServiceProviderConfig'], methods: { GET: { operation: 'Read ServiceProviderConfig', handle: serviceProviderConfig } } },
  {
    pattern: ['ResourceTypes'],
    methods: { GET: { operation: 'Read ResourceTypes', handle: (r) => Promise.resolve(ok(buildResourceTypes(r.baseUrl))) } },
  },
  { pattern: ['ResourceTypes', ':id'], methods: { GET: { operation: 'Read ResourceTypes', handle: resourceType } } },
  {
    pattern: ['Schemas'],
    methods: { GET: { operation: 'Read Schemas', handle: (r) => Promise.resolve(ok(buildSchemasList(r.baseUrl))) } },
  },
  { pattern: ['Schemas', ':id'], methods: { GET: { operation: 'Read Schemas', handle: schema } } },
  { pattern: ['Me'], methods: { GET: meEndpoint, POST: meEndpoint, PUT: meEndpoint, PATCH: meEndpoint, DELETE: meEndpoint } },
];
