import { badRequest } from '../errors.js';
import { findAttribute } from '../schema/attribute-lookup.js';
import type { AttributeDefinition } from '../schema/schema-types.js';

/** A canonical SCIM resource or complex value: canonical attribute-name case, no nulls. */
export type ScimObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is ScimObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(label: string, expected: string): never {
  throw badRequest('invalidValue', `Attribute "${label}" must be ${expected}`);
}

/** Entra sends "True"/"False" for booleans without the compliance flag (SCIM-NOTES §2.5). */
export function coerceBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lowered = value.trim().toLowerCase();
  return lowered === 'true' ? true : lowered === 'false' ? false : undefined;
}

function normalizeScalar(def: AttributeDefinition, value: unknown, label: string): unknown {
  switch (def.type) {
    case 'boolean':
      return coerceBoolean(value) ?? invalid(label, 'a boolean');
    case 'integer':
      return Number.isInteger(value) ? value : invalid(label, 'an integer');
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? value : invalid(label, 'a number');
    case 'dateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : invalid(label, 'an xsd:dateTime string');
    default:
      return typeof value === 'string' ? value : invalid(label, 'a string');
  }
}

/** Normalizes the members of a complex value; readOnly and unknown sub-attributes are dropped. */
export function normalizeComplex(def: AttributeDefinition, value: ScimObject, label: string): ScimObject | undefined {
  const result: ScimObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const sub = findAttribute(def.subAttributes, key);
    if (!sub || sub.mutability === 'readOnly') continue;
    const normalized = normalizeSingle(sub, raw, `${label}.${sub.name}`);
    if (normalized !== undefined) result[sub.name] = normalized;
  }
  // Entra's validator removes the manager with {"value":""} (SCIM-NOTES §2.6): an empty value is unassigned.
  if (result.value === '') delete result.value;
  return Object.keys(result).length ? result : undefined;
}

function normalizeSingle(def: AttributeDefinition, value: unknown, label: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (def.type !== 'complex') return normalizeScalar(def, value, label);
  if (isPlainObject(value)) return normalizeComplex(def, value, label);
  // Entra sends the manager as a bare id string (SCIM-NOTES §2.6); wrap scalars as {value}.
  if (typeof value === 'string' && findAttribute(def.subAttributes, 'value')) {
    return normalizeComplex(def, { value }, label);
  }
  return invalid(label, 'an object');
}

/** RFC 7643 §2.4: at most one element of a multi-valued attribute may be primary. */
export function assertSinglePrimary(values: unknown[], label: string): void {
  const primaries = values.filter((item) => isPlainObject(item) && item.primary === true);
  if (primaries.length > 1) throw badRequest('invalidValue', `Attribute "${label}" has more than one primary value`);
}

function normalizeMulti(def: AttributeDefinition, value: unknown, label: string): unknown[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const result = items
    .map((item, index) => normalizeSingle(def, item, `${label}[${index}]`))
    .filter((item) => item !== undefined);
  assertSinglePrimary(result, label);
  return result.length ? result : undefined;
}

/**
 * Canonicalises one attribute value against its definition. Returns undefined for "unassigned"
 * (null, [], {} — Entra sends all three on create, SCIM-NOTES §1.3). Wrong types throw 400 invalidValue.
 */
export function normalizeAttributeValue(def: AttributeDefinition, value: unknown, label = def.name): unknown {
  if (value === null || value === undefined) return undefined;
  if (def.multiValued) return normalizeMulti(def, value, label);
  if (Array.isArray(value)) {
    // Entra's manager PATCH sends a one-element array for a single-valued complex (SCIM-NOTES §2.4).
    if (value.length === 0) return undefined;
    if (value.length === 1) return normalizeSingle(def, value[0], label);
    return invalid(label, 'a single value, not an array');
  }
  return normalizeSingle(def, value, label);
}
