import { describe, expect, it } from 'vitest';
import { IAM_SCREENS, iamNeighbours, landingPath, visibleIamScreens } from './iam-screens.js';

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

  it('land on the requested page, never on an external or sign-in address', () => {
    expect(landingPath('/it-settings/iam/scim2', ['IAM_READ'])).toBe('/it-settings/iam/scim2');
    expect(landingPath('//evil.example/x', ['IAM_READ'])).toBe(saml!.path);
    expect(landingPath('https://evil.example', ['IAM_READ'])).toBe(saml!.path);
    expect(landingPath('/login', ['IAM_READ'])).toBe(saml!.path);
    expect(landingPath('/', ['IAM_READ'])).toBe(saml!.path);
    expect(landingPath('/\\evil.example', ['IAM_READ'])).toBe(saml!.path);
    expect(landingPath(null, [])).toBe('/');
  });
});
