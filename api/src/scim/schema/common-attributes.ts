import { AT_MOST } from '../input-limits.js';
import { attribute, complex, type AttributeDefinition } from './schema-types.js';

/**
 * RFC 7643 §3.1 common attributes. They belong to every resource but are not part of any
 * schema's attribute list, so /Schemas does not publish them.
 */
export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  attribute('id', 'string', {
    description: 'Unique identifier for the SCIM resource, issued by the service provider.',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'string', {
    description: `Identifier for the resource as defined by the provisioning client. ${AT_MOST}`,
    caseExact: true,
  }),
  complex(
    'meta',
    [
      attribute('resourceType', 'string', { caseExact: true, mutability: 'readOnly', returned: 'always' }),
      attribute('created', 'dateTime', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attribute('location', 'reference', { caseExact: true, mutability: 'readOnly', referenceTypes: ['uri'] }),
      attribute('version', 'string', { caseExact: true, mutability: 'readOnly' }),
    ],
    { description: 'Resource metadata.', mutability: 'readOnly' },
  ),
];

/** `schemas` behaves like a multi-valued, always-returned, read-only reference attribute. */
export const SCHEMAS_ATTRIBUTE: AttributeDefinition = attribute('schemas', 'reference', {
  multiValued: true,
  caseExact: false,
  mutability: 'readOnly',
  returned: 'always',
  referenceTypes: ['uri'],
});
