import { attribute, complex, type SchemaDefinition } from './schema-types.js';
import { AT_MOST } from '../input-limits.js';

export const GROUP_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** RFC 7643 §4.2 and §8.7.1. `display` is not in the RFC list but Okta sends it (SCIM-NOTES §1.3). */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: GROUP_SCHEMA_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', { required: true, uniqueness: 'server', description: `A human-readable name for the group. ${AT_MOST}` }),
    complex(
      'members',
      [
        attribute('value', 'string', { caseExact: true, mutability: 'immutable' }),
        attribute('$ref', 'reference', { mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
        attribute('type', 'string', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
        attribute('display', 'string', { mutability: 'readOnly' }),
      ],
      { multiValued: true, description: 'A list of members of the group.' },
    ),
  ],
};
