import { BULK_RESPONSE_URN, renderScimError, type ScimErrorBody } from '../errors.js';
import type { BulkMethod, BulkOperation } from './bulk-request.js';

export interface BulkOperationResult {
  method: BulkMethod;
  bulkId?: string;
  version?: string;
  location?: string;
  /** HTTP status as a string, like every SCIM status (RFC 7644 §3.7.3). */
  status: string;
  response?: ScimErrorBody | Record<string, unknown>;
}

export interface BulkResponse {
  schemas: [typeof BULK_RESPONSE_URN];
  Operations: BulkOperationResult[];
}

export function bulkSuccess(operation: BulkOperation, status: number, result: { location?: string; version?: string; response?: Record<string, unknown> } = {}): BulkOperationResult {
  return {
    method: operation.method,
    ...(operation.bulkId !== undefined && { bulkId: operation.bulkId }),
    ...(result.version !== undefined && { version: result.version }),
    ...(result.location !== undefined && { location: result.location }),
    status: String(status),
    ...(result.response !== undefined && { response: result.response }),
  };
}

/** A failed operation carries the SCIM error body; non-SCIM errors are masked like everywhere else. */
export function bulkFailure(operation: BulkOperation, error: unknown, requestId?: string): BulkOperationResult {
  const { status, body } = renderScimError(error, requestId);
  return {
    method: operation.method,
    ...(operation.bulkId !== undefined && { bulkId: operation.bulkId }),
    status: String(status),
    response: body,
  };
}

export function buildBulkResponse(results: BulkOperationResult[]): BulkResponse {
  return { schemas: [BULK_RESPONSE_URN], Operations: results };
}

/** True once `failOnErrors` failures have been reached and processing must stop (RFC 7644 §3.7.3). */
export function shouldStopBulk(results: BulkOperationResult[], failOnErrors: number | undefined): boolean {
  if (failOnErrors === undefined) return false;
  return results.filter((result) => Number(result.status) >= 400).length >= failOnErrors;
}
