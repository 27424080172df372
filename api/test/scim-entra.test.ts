/**
 * Microsoft Entra ID conformance. Each request below replays a request of Microsoft's tutorial
 * "Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID"
 * (MicrosoftDocs/entra-docs: docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md,
 * sections "User operations" and "Group operations"), byte for byte where ids are not involved,
 * plus the checks of Microsoft's SCIM validator named in SCIM-NOTES §2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';
import { ENTERPRISE_URN, ERROR_URN, GROUP_URN, LIST_URN, USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let scim: ReturnType<typeof scimClient>;
beforeAll(async () => {
  t = await startTestApp();
  scim = scimClient(await seedCompany(t), { userAgent: 'Azure Active Directory SCIM Client' });
});
afterAll(() => t.close());

// Tutorial, "Create User" request (meta.resourceType and an empty roles array included as sent).
const createUserRequest = `{
    "schemas": [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
    "userName": "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
    "active": true,
    "emails": [{
        "primary": true,
        "type": "work",
        "value": "Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com"
    }],
    "meta": {
        "resourceType": "User"
    },
    "name": {
        "formatted": "givenName familyName",
        "familyName": "familyName",
        "givenName": "givenName"
    },
    "roles": []
}`;

describe('Entra ID tutorial: user operations', () => {
  let id = '';

  it('Create User → 201 with id, meta, Location and ETag', async () => {
    const created = await scim('POST', '/Users', createUserRequest);
    expect(created.status).toBe(201);
    expect(created.contentType).toMatch(/^application\/scim\+json/);
    id = created.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toMatchObject({
      schemas: expect.arrayContaining([USER_URN]),
      userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      active: true,
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com' }],
      meta: { resourceType: 'User', location: `${t.baseUrl}/pp/scim/v2/${created.body.meta.location.split('/')[6]}/Users/${id}` },
    });
    expect(created.headers.get('location')).toBe(created.body.meta.location);
    expect(created.headers.get('etag')).toBe(created.body.meta.version);
    expect(new Date(created.body.meta.created).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('Get User → 200 with the same resource', async () => {
    const got = await scim('GET', `/Users/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(id);
    expect(got.body.userName).toBe('Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1');
  });

  it('Get User by query (userName eq) → a ListResponse with the user', async () => {
    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1"')}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ schemas: [LIST_URN], totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(found.body.Resources[0].id).toBe(id);
  });

  it('validator: filter with a different case finds the user (userName is not case-exact)', async () => {
    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "TEST_USER_AB6490EE-1E48-479E-A20B-2D77186B5DD1"')}`);
    expect(found.body.totalResults).toBe(1);
  });

  it('validator: filter on externalId', async () => {
    const found = await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`);
    expect(found.body.totalResults).toBe(1);
  });

  it('Get User by query - zero results → totalResults 0 and an empty Resources array', async () => {
    const none = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "non-existent user"')}`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ schemas: [LIST_URN], totalResults: 0, Resources: [] });
  });

  it('Update User [Multi-valued properties] with capitalised "Replace"', async () => {
    const patched = await scim('PATCH', `/Users/${id}`, `{
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [
            {
            "op": "Replace",
            "path": "emails[type eq \\"work\\"].value",
            "value": "updatedEmail@microsoft.com"
            },
            {
            "op": "Replace",
            "path": "name.familyName",
            "value": "updatedFamilyName"
            }
    ]
}`);
    expect(patched.status).toBe(200);
    expect(patched.body.emails).toEqual([{ primary: true, type: 'work', value: 'updatedEmail@microsoft.com' }]);
    expect(patched.body.name.familyName).toBe('updatedFamilyName');
    const byEmail = await scim('GET', `/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "UPDATEDEMAIL@microsoft.com"')}`);
    expect(byEmail.body.totalResults).toBe(1);
  });

  it('Update User [Single-valued properties]: userName', async () => {
    const patched = await scim('PATCH', `/Users/${id}`, `{
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [{
        "op": "Replace",
        "path": "userName",
        "value": "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"
    }]
}`);
    expect(patched.status).toBe(200);
    expect(patched.body.userName).toBe('5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');
  });

  it('validator: PATCH without path whose value has dotted and URN-prefixed keys, with "True" strings', async () => {
    const patched = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        {
          op: 'Add',
          value: {
            'name.givenName': 'Barbara',
            displayName: 'Barbara Jensen',
            [`${ENTERPRISE_URN}:department`]: 'Tour Operations',
            [`${ENTERPRISE_URN}:employeeNumber`]: '701984',
          },
        },
        { op: 'Replace', path: 'active', value: 'True' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      displayName: 'Barbara Jensen',
      active: true,
      name: { givenName: 'Barbara' },
      [ENTERPRISE_URN]: { department: 'Tour Operations', employeeNumber: '701984' },
    });
    expect(patched.body.schemas).toContain(ENTERPRISE_URN);
  });

  it('validator: manager as a plain string (Entra quirk) becomes manager.value', async () => {
    const manager = await scim('POST', '/Users', { schemas: [USER_URN], userName: 'manager.of.test@testuser.com' });
    const patched = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Add', path: `${ENTERPRISE_URN}:manager`, value: manager.body.id }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body[ENTERPRISE_URN].manager.value).toBe(manager.body.id);
  });

  it('Update User [Add manager] with the bare path "manager" and an array of one (tutorial example 5)', async () => {
    const manager = await scim('POST', '/Users', { schemas: [USER_URN], userName: 'example5.manager@testuser.com' });
    const patched = await scim('PATCH', `/Users/${id}`, `{
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [{"op": "Add", "path": "manager", "value": [{"$ref": null, "value": "${manager.body.id}"}]}]
}`);
    expect(patched.status).toBe(200);
    expect(patched.body[ENTERPRISE_URN].manager).toEqual({ value: manager.body.id });
    expect(Object.keys(patched.body)).not.toContain('manager');
    // The same unqualified name in a filter, attributes and sortBy (README, SCIM table).
    const query = `filter=${encodeURIComponent(`manager.value eq "${manager.body.id}"`)}&attributes=manager&sortBy=employeeNumber`;
    const found = await scim('GET', `/Users?${query}`);
    expect(found.status).toBe(200);
    expect(found.body.Resources).toEqual([expect.objectContaining({ id, [ENTERPRISE_URN]: { manager: { value: manager.body.id } } })]);
    expect(found.body.Resources[0]).not.toHaveProperty('userName');
  });

  it('Disable User: replace active false deactivates, never deletes', async () => {
    const patched = await scim('PATCH', `/Users/${id}`, `{
    "Operations": [
        {
            "op": "Replace",
            "path": "active",
            "value": false
        }
    ],
    "schemas": [
        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    ]
}`);
    expect(patched.status).toBe(200);
    expect(patched.body.active).toBe(false);
    expect((await scim('GET', `/Users/${id}`)).body.active).toBe(false);
  });

  it('Delete User → 204, then 404 in the SCIM error format', async () => {
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    const gone = await scim('GET', `/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.contentType).toMatch(/^application\/scim\+json/);
    expect(gone.body).toMatchObject({ schemas: [ERROR_URN], status: '404' });
  });
});

describe('Entra ID tutorial: group operations', () => {
  let groupId = '';
  let memberId = '';

  it('Create Group with Entra\'s extra schema URI → 201', async () => {
    memberId = (await scim('POST', '/Users', { schemas: [USER_URN], userName: 'group.member@testuser.com' })).body.id;
    const created = await scim('POST', '/Groups', `{
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
    "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
    "displayName": "displayName",
    "meta": {
        "resourceType": "Group"
    }
}`);
    expect(created.status).toBe(201);
    groupId = created.body.id;
    expect(created.body).toMatchObject({
      schemas: expect.arrayContaining([GROUP_URN]),
      displayName: 'displayName',
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      meta: { resourceType: 'Group' },
    });
    expect(created.headers.get('location')).toBe(created.body.meta.location);
  });

  it('Get Group with excludedAttributes=members', async () => {
    const got = await scim('GET', `/Groups/${groupId}?excludedAttributes=members`);
    expect(got.status).toBe(200);
    expect(got.body.displayName).toBe('displayName');
    expect(got.body).not.toHaveProperty('members');
  });

  it('Get Group by displayName', async () => {
    const found = await scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "displayName"')}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).not.toHaveProperty('members');
  });

  it('Update Group [Non-member attributes] → 204', async () => {
    const patched = await scim('PATCH', `/Groups/${groupId}`, `{
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [{
        "op": "Replace",
        "path": "displayName",
        "value": "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"
    }]
}`);
    expect(patched.status).toBe(204);
    expect((await scim('GET', `/Groups/${groupId}`)).body.displayName).toBe('1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName');
  });

  it('Update Group [Add Members] with "$ref": null → 204 and the member is listed', async () => {
    const patched = await scim('PATCH', `/Groups/${groupId}`, `{
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [{
        "op": "Add",
        "path": "members",
        "value": [{
            "$ref": null,
            "value": "${memberId}"
        }]
    }]
}`);
    expect(patched.status).toBe(204);
    const group = await scim('GET', `/Groups/${groupId}`);
    expect(group.body.members).toEqual([expect.objectContaining({ value: memberId, type: 'User' })]);
    const user = await scim('GET', `/Users/${memberId}`);
    expect(user.body.groups).toEqual([expect.objectContaining({ value: groupId })]);
    const byMember = await scim('GET', `/Groups?filter=${encodeURIComponent(`members[value eq "${memberId}"]`)}&excludedAttributes=members`);
    expect(byMember.body.totalResults).toBe(1);
  });

  it('Update Group [Remove Members] with a value list removes only those', async () => {
    const other = (await scim('POST', '/Users', { schemas: [USER_URN], userName: 'stays@testuser.com' })).body.id;
    await scim('PATCH', `/Groups/${groupId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: other }] }],
    });
    const patched = await scim('PATCH', `/Groups/${groupId}`, `{
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [{
        "op": "Remove",
        "path": "members",
        "value": [{
            "$ref": null,
            "value": "${memberId}"
        }]
    }]
}`);
    expect(patched.status).toBe(204);
    const group = await scim('GET', `/Groups/${groupId}`);
    expect(group.body.members.map((m: { value: string }) => m.value)).toEqual([other]);
  });

  it('Delete Group → 204, then 404', async () => {
    expect((await scim('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${groupId}`)).status).toBe(404);
  });
});

describe("Microsoft's reference Postman collection (AzureAD/SCIMReferenceCode)", () => {
  it('accepts unquoted single-word filter values', async () => {
    await scim('POST', '/Users', { schemas: [USER_URN], userName: 'OMalley', name: { familyName: 'Employee' } });
    for (const expression of ['userName sw O', 'name.FamilyName eq Employee']) {
      const found = await scim('GET', `/Users?filter=${encodeURIComponent(expression)}`);
      expect(found.status, expression).toBe(200);
      expect(found.body.Resources.map((r: { userName: string }) => r.userName)).toContain('OMalley');
    }
  });

  it('refuses several unquoted words and a filter in attributes with a detail that says what to send', async () => {
    const spaced = await scim('GET', `/Users?filter=${encodeURIComponent('displayName eq Test User')}`);
    expect(spaced.status).toBe(400);
    expect(spaced.body).toMatchObject({ schemas: [ERROR_URN], scimType: 'invalidFilter' });
    expect(spaced.body.detail).toContain('put string values in double quotes: eq "Test User" at character 16');
    const filtered = await scim('GET', `/Users?attributes=${encodeURIComponent('emails[type eq "work"]')}`);
    expect(filtered.status).toBe(400);
    expect(filtered.body).toMatchObject({ schemas: [ERROR_URN], scimType: 'invalidValue' });
    expect(filtered.body.detail).toContain('at character 7: send attributes=emails');
  });
});

describe('Entra ID discovery', () => {
  it('reads /Schemas when the provisioning configuration is saved', async () => {
    const schemas = await scim('GET', '/Schemas');
    expect(schemas.status).toBe(200);
    const ids = schemas.body.Resources.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([USER_URN, GROUP_URN, ENTERPRISE_URN]));
    const user = schemas.body.Resources.find((s: { id: string }) => s.id === USER_URN);
    const userName = user.attributes.find((a: { name: string }) => a.name === 'userName');
    expect(userName).toMatchObject({ caseExact: false, uniqueness: 'server', required: true });
  });

  it('advertises PATCH support in /ServiceProviderConfig', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.body.patch.supported).toBe(true);
    expect(config.body.filter).toMatchObject({ supported: true, maxResults: expect.any(Number) });
  });
});
