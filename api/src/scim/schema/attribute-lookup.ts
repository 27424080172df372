import type { AttributePath } from '../filter/ast.js';
import { COMMON_ATTRIBUTES, SCHEMAS_ATTRIBUTE } from './common-attributes.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './schema-types.js';

/** An attribute path resolved against a resource type's schemas. */
export type ResolvedPath =
  | { kind: 'schema'; schema: SchemaDefinition }
  | {
      kind: 'attribute';
      /** The owning schema; for common attributes (id, externalId, meta, schemas) the core schema. */
      schema: SchemaDefinition;
      /** Stored under `attributes[schema.id]` rather than at the top level. */
      extension: boolean;
      attribute: AttributeDefinition;
      subAttribute?: AttributeDefinition;
    };

export type ResolvedAttribute = Extract<ResolvedPath, { kind: 'attribute' }>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Attribute names are case-insensitive (RFC 7643 §2.1). */
export function findAttribute(list: readonly AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  return list?.find((candidate) => same(candidate.name, name));
}

/** A schema of this resource type by URN, case-insensitively (RFC 7643 §2.1 covers schema URIs too). */
export function findSchema(resourceType: ResourceTypeDefinition, urn: string): SchemaDefinition | undefined {
  if (same(resourceType.schema.id, urn)) return resourceType.schema;
  return resourceType.extensions.find((ext) => same(ext.schema.id, urn))?.schema;
}

export function isExtensionUrn(resourceType: ResourceTypeDefinition, urn: string): boolean {
  return resourceType.extensions.some((ext) => same(ext.schema.id, urn));
}

/**
 * Splits `urn:…:User:name.givenName` or `name.givenName` lexically. Attribute names never contain
 * ':', so the URN ends at the last colon; the version dot in `2.0` stays inside the URN.
 */
export function splitAttributeName(text: string): AttributePath {
  let uri: string | undefined;
  let rest = text;
  if (/^urn:/i.test(text)) {
    const colon = text.lastIndexOf(':');
    uri = text.slice(0, colon);
    rest = text.slice(colon + 1);
  }
  const dot = rest.indexOf('.');
  const name = dot < 0 ? rest : rest.slice(0, dot);
  const subAttribute = dot < 0 ? undefined : rest.slice(dot + 1);
  return { ...(uri !== undefined && { uri }), name, ...(subAttribute !== undefined && { subAttribute }) };
}

function resolveInSchema(
  resourceType: ResourceTypeDefinition,
  schema: SchemaDefinition,
  path: AttributePath,
): ResolvedAttribute | undefined {
  const extension = schema !== resourceType.schema;
  const attribute =
    findAttribute(schema.attributes, path.name) ??
    (extension ? undefined : (findAttribute(COMMON_ATTRIBUTES, path.name) ?? findAttribute([SCHEMAS_ATTRIBUTE], path.name)));
  if (!attribute) return undefined;
  if (path.subAttribute === undefined) return { kind: 'attribute', schema, extension, attribute };
  const subAttribute = findAttribute(attribute.subAttributes, path.subAttribute);
  return subAttribute ? { kind: 'attribute', schema, extension, attribute, subAttribute } : undefined;
}

/**
 * An unqualified name the core schema lacks, in the one extension that defines it: Entra sends
 * `"path":"manager"` (SCIM-NOTES §2.4). A name two extensions define stays unresolved, so a
 * client must qualify it rather than have one picked for it.
 */
function resolveInExtensions(resourceType: ResourceTypeDefinition, path: AttributePath): ResolvedAttribute | undefined {
  const found = resourceType.extensions.flatMap((ext) => resolveInSchema(resourceType, ext.schema, path) ?? []);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Resolves a parsed path. Unqualified names refer to the core schema and the common attributes,
 * else to the one extension of this resource type that defines them.
 */
export function resolvePath(resourceType: ResourceTypeDefinition, path: AttributePath): ResolvedPath | undefined {
  if (path.uri === undefined) return resolveInSchema(resourceType, resourceType.schema, path) ?? resolveInExtensions(resourceType, path);
  const schema = findSchema(resourceType, path.uri);
  if (schema) return resolveInSchema(resourceType, schema, path);
  // `urn:…:enterprise:2.0:User` alone names the whole extension block.
  const whole = path.subAttribute === undefined ? findSchema(resourceType, `${path.uri}:${path.name}`) : undefined;
  return whole ? { kind: 'schema', schema: whole } : undefined;
}

/** Resolves dotted / URN-qualified text such as `urn:…:enterprise:2.0:User:manager.value`. */
export function resolveAttributeName(resourceType: ResourceTypeDefinition, text: string): ResolvedPath | undefined {
  const whole = findSchema(resourceType, text);
  if (whole && whole !== resourceType.schema) return { kind: 'schema', schema: whole };
  return resolvePath(resourceType, splitAttributeName(text));
}

/**
 * A `urn:` key of a schema this resource type does not declare, kept verbatim like Okta's custom
 * schemas (SCIM-NOTES §1.3). A key under a declared schema that names none of its attributes,
 * such as `urn:…:enterprise:2.0:User:schemas`, is not foreign: storing it would corrupt the user.
 */
export function isForeignSchemaKey(resourceType: ResourceTypeDefinition, key: string): boolean {
  if (!/^urn:/i.test(key) || findSchema(resourceType, key)) return false;
  const { uri } = splitAttributeName(key);
  return uri === undefined || !findSchema(resourceType, uri);
}

/** The attribute that a path's comparisons apply to: the sub-attribute if named, else the attribute. */
export function leafAttribute(resolved: ResolvedAttribute): AttributeDefinition {
  return resolved.subAttribute ?? resolved.attribute;
}
