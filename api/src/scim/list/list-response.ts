import { LIST_RESPONSE_URN } from '../errors.js';

export interface ListResponse<T> {
  schemas: [typeof LIST_RESPONSE_URN];
  totalResults: number;
  itemsPerPage: number;
  startIndex: number;
  Resources: T[];
}

/**
 * RFC 7644 §3.4.2: numbers are JSON integers (Okta rejects strings, SCIM-NOTES §1.6) and the
 * array is `Resources` with a capital R; an empty page still carries `Resources: []` (Entra).
 */
export function buildListResponse<T>(resources: T[], totalResults: number, startIndex: number): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  };
}
