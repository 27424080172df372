import { describe, expect, it } from 'vitest';
import { IAM_SCREENS, iamNeighbours, iamScreenFor, landingPath, visibleIamScreens } from './iam-screens.js';

const [saml, scim] = IAM_SCREENS;

describe('IAM screens', () => {
  it('are visible only with iam:read (O1)', () => {
    expect(visibleIamScreens([])).toEqual([]);
    expect(visibleIamScreens(['IAM_MANAGE', 'USERS_DELETE'])).toEqual([]);
    expect(visibleIamScreens(['IAM_READ']).map((s) => s.label)).toEqual(['SAML/OAuth', 'SCIM2']);
  });

  it('step with the breadcrumb arrows between SAML/OAuth and SCIM2, no wrap-around (O3)', () => {
    const visible = visibleIamScreens(['IAM_READ']);
    expect(iamNeighbours(scim!.path, visible)).toEqual({ previous: saml, next: undefined });
    expect(iamNeighbours(saml!.path, visible)).toEqual({ previous: undefined, next: scim });
    expect(iamNeighbours('/elsewhere', visible)).toEqual({});
  });

  it('land on the requested page, never on an external or sign-in address; else on the SCIM2 overview', () => {
    expect(landingPath('/it-settings/iam/saml-oauth', ['IAM_READ'])).toBe(saml!.path);
    expect(landingPath('//evil.example/x', ['IAM_READ'])).toBe(scim!.path);
    expect(landingPath('https://evil.example', ['IAM_READ'])).toBe(scim!.path);
    expect(landingPath('/login', ['IAM_READ'])).toBe(scim!.path);
    expect(landingPath('/', ['IAM_READ'])).toBe(scim!.path);
    expect(landingPath(null, ['IAM_READ', 'IAM_MANAGE'])).toBe(scim!.path);
    expect(landingPath('/\\evil.example', ['IAM_READ'])).toBe(scim!.path);
    expect(landingPath(null, [])).toBe('/');
  });

  it('own the paths below them (tabs and detail pages), and only those', () => {
    expect(iamScreenFor('/it-settings/iam/scim2/users/abc')).toBe(scim);
    expect(iamScreenFor('/it-settings/iam/scim2')).toBe(scim);
    expect(iamScreenFor('/it-settings/iam/scim2users')).toBeUndefined();
    expect(iamScreenFor('/it-settings/iam/saml-oauth')).toBe(saml);
  });
});
