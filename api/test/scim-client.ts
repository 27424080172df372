import type { SeededCompany } from './seed.js';

export interface ScimResult {
  status: number;
  headers: Headers;
  contentType: string | null;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary SCIM JSON
  raw: string;
}

export interface ScimClientOptions {
  token?: string | null;
  contentType?: string;
  userAgent?: string;
}

/** A SCIM client over real HTTP for one seeded company: `scim('POST', '/Users', body)`. */
export function scimClient(company: Pick<SeededCompany, 'scimBaseUrl' | 'scimToken'>, options: ScimClientOptions = {}) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimResult> => {
    const token = options.token === undefined ? company.scimToken : options.token;
    const response = await fetch(`${company.scimBaseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': options.contentType ?? 'application/scim+json' }),
        'user-agent': options.userAgent ?? 'Roster-Test/1.0',
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const raw = await response.text();
    let parsed: unknown;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, contentType: response.headers.get('content-type'), body: parsed, raw };
  };
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
