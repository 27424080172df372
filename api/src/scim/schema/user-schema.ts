import { AT_MOST } from '../input-limits.js';
import { attribute, complex, type AttributeDefinition, type SchemaDefinition } from './schema-types.js';

export const USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** The `value`/`display`/`type`/`primary` shape shared by most multi-valued User attributes. */
function plural(
  name: string,
  description: string,
  canonicalTypes: string[],
  valueType: 'string' | 'reference' | 'binary' = 'string',
  valueDescription = '',
): AttributeDefinition {
  return complex(
    name,
    [
      attribute('value', valueType, { description: valueDescription, ...(valueType === 'reference' && { referenceTypes: ['external'] }) }),
      attribute('display', 'string'),
      attribute('type', 'string', canonicalTypes.length ? { canonicalValues: canonicalTypes } : {}),
      attribute('primary', 'boolean'),
    ],
    { multiValued: true, description },
  );
}

const name = complex(
  'name',
  ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((sub) =>
    attribute(sub, 'string'),
  ),
  { description: "The components of the user's real name." },
);

const addresses = complex(
  'addresses',
  [
    ...['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'].map((sub) => attribute(sub, 'string')),
    attribute('type', 'string', { canonicalValues: ['work', 'home', 'other'] }),
    attribute('primary', 'boolean'),
  ],
  { multiValued: true, description: 'A physical mailing address for this user.' },
);

const readOnly = { mutability: 'readOnly' as const };
const groups = complex(
  'groups',
  [
    attribute('value', 'string', readOnly),
    attribute('$ref', 'reference', { ...readOnly, referenceTypes: ['User', 'Group'] }),
    attribute('display', 'string', readOnly),
    attribute('type', 'string', { ...readOnly, canonicalValues: ['direct', 'indirect'] }),
  ],
  { multiValued: true, mutability: 'readOnly', description: 'Groups the user belongs to; change them through /Groups.' },
);

/** RFC 7643 §4.1 and §8.7.1: every core User attribute. */
export const USER_SCHEMA: SchemaDefinition = {
  id: USER_SCHEMA_URN,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server', description: `Unique identifier for the user. ${AT_MOST}` }),
    name,
    attribute('displayName', 'string', { description: `The name of the user, suitable for display. ${AT_MOST}` }),
    attribute('nickName', 'string'),
    attribute('profileUrl', 'reference', { referenceTypes: ['external'] }),
    attribute('title', 'string'),
    attribute('userType', 'string'),
    attribute('preferredLanguage', 'string'),
    attribute('locale', 'string'),
    attribute('timezone', 'string'),
    attribute('active', 'boolean'),
    attribute('password', 'string', { mutability: 'writeOnly', returned: 'never' }),
    plural('emails', 'Email addresses for the user.', ['work', 'home', 'other'], 'string', `The email address. ${AT_MOST}`),
    plural('phoneNumbers', 'Phone numbers for the user.', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
    plural('ims', 'Instant messaging addresses for the user.', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
    plural('photos', 'URLs of photos of the user.', ['photo', 'thumbnail'], 'reference'),
    addresses,
    groups,
    plural('entitlements', 'Entitlements for the user.', []),
    plural('roles', 'Roles for the user.', []),
    plural('x509Certificates', 'X.509 certificates issued to the user.', [], 'binary'),
  ],
};
