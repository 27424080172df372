import type { CombinedError } from '@urql/core';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | string;

/** The `extensions.code` values of a urql error (empty for network errors). */
export function errorCodes(error: CombinedError | undefined): ErrorCode[] {
  return (error?.graphQLErrors ?? []).map((e) => String(e.extensions?.['code'] ?? '')).filter(Boolean);
}

export function hasErrorCode(error: CombinedError | undefined, code: ErrorCode): boolean {
  return errorCodes(error).includes(code);
}

/**
 * A sentence to show an operator: the server's own message for expected errors (they are
 * written for people), a plain fallback for network trouble and masked server errors.
 */
export function errorMessage(error: CombinedError | undefined, fallback = 'Something went wrong. Please try again.'): string {
  if (!error) return fallback;
  if (error.networkError) return 'The server could not be reached. Check your connection and try again.';
  const expected = error.graphQLErrors.find((e) => e.extensions?.['code']);
  return expected?.message ?? fallback;
}
