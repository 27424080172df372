import { buildListResponse, type ListResponse } from '../list/list-response.js';
import { RESOURCE_TYPES, ALL_SCHEMAS } from './resource-types.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './schema-types.js';

const SPC_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export interface ServiceProviderConfigOptions {
  baseUrl: string;
  documentationUri?: string;
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filterMaxResults: number;
}

/** RFC 7643 §5. Advertise only what is enforced: Entra fails against a false `patch` (SCIM-NOTES §1.1). */
export function buildServiceProviderConfig(opts: ServiceProviderConfigOptions): Record<string, unknown> {
  return {
    schemas: [SPC_URN],
    ...(opts.documentationUri && { documentationUri: opts.documentationUri }),
    patch: { supported: true },
    bulk: { ...opts.bulk },
    filter: { supported: true, maxResults: opts.filterMaxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a per-company SCIM bearer token',
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${opts.baseUrl}/ServiceProviderConfig` },
  };
}

export function buildResourceTypeDocument(resourceType: ResourceTypeDefinition, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [RESOURCE_TYPE_URN],
    id: resourceType.id,
    name: resourceType.name,
    endpoint: resourceType.endpoint,
    description: resourceType.description,
    schema: resourceType.schema.id,
    schemaExtensions: resourceType.extensions.map((ext) => ({ schema: ext.schema.id, required: ext.required })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${resourceType.id}` },
  };
}

export function buildResourceTypes(baseUrl: string): ListResponse<Record<string, unknown>> {
  const documents = RESOURCE_TYPES.map((resourceType) => buildResourceTypeDocument(resourceType, baseUrl));
  return buildListResponse(documents, documents.length, 1);
}

/** RFC 7643 §7. Entra wants camel-cased values and no null members (SCIM-NOTES §2.2). */
function renderAttribute(attribute: AttributeDefinition): Record<string, unknown> {
  const { subAttributes, canonicalValues, referenceTypes, ...rest } = attribute;
  return {
    ...rest,
    ...(canonicalValues && { canonicalValues }),
    ...(referenceTypes && { referenceTypes }),
    ...(subAttributes && { subAttributes: subAttributes.map(renderAttribute) }),
  };
}

export function buildSchemaDocument(schema: SchemaDefinition, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [SCHEMA_URN],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(renderAttribute),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

/** `/Schemas` must be a ListResponse (Entra, SCIM-NOTES §2.2). */
export function buildSchemasList(baseUrl: string): ListResponse<Record<string, unknown>> {
  const documents = ALL_SCHEMAS.map((schema) => buildSchemaDocument(schema, baseUrl));
  return buildListResponse(documents, documents.length, 1);
}

/** `/Schemas/{urn}` lookup, case-insensitive like every URN comparison. */
export function findSchemaById(urn: string): SchemaDefinition | undefined {
  return ALL_SCHEMAS.find((schema) => schema.id.toLowerCase() === urn.toLowerCase());
}

export function findResourceTypeById(id: string): ResourceTypeDefinition | undefined {
  return RESOURCE_TYPES.find((resourceType) => resourceType.id.toLowerCase() === id.toLowerCase());
}
