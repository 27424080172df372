import { attribute, complex, type SchemaDefinition } from './schema-types.js';
import { AT_MOST } from '../input-limits.js';

export const ENTERPRISE_USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** RFC 7643 §4.3 Enterprise User extension. */
export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA_URN,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'string'),
    attribute('costCenter', 'string'),
    attribute('organization', 'string'),
    attribute('division', 'string'),
    attribute('department', 'string'),
    complex(
      'manager',
      [
        attribute('value', 'string', { caseExact: true, description: `The id of the manager's User. ${AT_MOST}` }),
        attribute('$ref', 'reference', { referenceTypes: ['User'] }),
        attribute('displayName', 'string', { mutability: 'readOnly' }),
      ],
      { description: "The user's manager." },
    ),
  ],
};
