import type { SeededCompany } from '../../api/test/seed.js';

/** What an IdP would send: a SCIM POST /Users with the company's bearer token. */
export async function provisionUser(company: SeededCompany, userName: string): Promise<Response> {
  return fetch(`${company.scimBaseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${company.scimToken}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      active: true,
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ value: userName, type: 'work', primary: true }],
    }),
  });
}

/** A request the server must refuse (no userName), recorded as a failure in recent activity. */
export async function provisionBrokenUser(company: SeededCompany): Promise<Response> {
  return fetch(`${company.scimBaseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${company.scimToken}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] }),
  });
}
