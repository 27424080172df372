/** RFC 7644 §3.12 error handling: one error class, rendered once per response. */

import { printableText } from '../domain/storable-text.js';

export const SCIM_CONTENT_TYPE = 'application/scim+json';

export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SEARCH_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
export const BULK_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const BULK_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

/** RFC 7644 Table 9: the closed set of `scimType` values. */
export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

const MAX_DETAIL_LENGTH = 2000;

/**
 * Details quote input. They reach the response and the activity log, so NUL and unpaired
 * surrogates are escaped and a quoted megabyte is cut short.
 */
function safeDetail(detail: string): string {
  // Cut first, so a surrogate pair split by the cut is escaped too.
  return printableText(detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH)}…` : detail);
}

export class ScimError extends Error {
  readonly detail: string;

  constructor(
    readonly status: number,
    readonly scimType: ScimErrorType | undefined,
    detail: string,
  ) {
    super(safeDetail(detail));
    this.name = 'ScimError';
    this.detail = this.message;
  }
}

export interface ScimErrorBody {
  schemas: [typeof ERROR_URN];
  status: string;
  scimType?: ScimErrorType;
  detail: string;
}

export interface RenderedScimError {
  status: number;
  body: ScimErrorBody;
}

/**
 * Turns any thrown value into a SCIM error response. Only ScimError details reach the client;
 * everything else is masked so SQL, stack traces and internals never leak (STYLE §8).
 */
export function renderScimError(error: unknown, requestId?: string): RenderedScimError {
  if (error instanceof ScimError) {
    const body: ScimErrorBody = { schemas: [ERROR_URN], status: String(error.status), detail: error.detail };
    if (error.scimType) body.scimType = error.scimType;
    return { status: error.status, body };
  }
  const detail = requestId ? `Internal server error (request id ${requestId})` : 'Internal server error';
  return { status: 500, body: { schemas: [ERROR_URN], status: '500', detail } };
}

/** Shorthand for the common 400 with a scimType. */
export function badRequest(scimType: ScimErrorType, detail: string): ScimError {
  return new ScimError(400, scimType, detail);
}
