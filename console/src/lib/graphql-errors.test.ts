import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorCodes, errorMessage, hasErrorCode } from './graphql-errors.js';

const forbidden = new CombinedError({
  graphQLErrors: [new GraphQLError('You do not have the permission this field needs', { extensions: { code: 'FORBIDDEN' } })],
});
const masked = new CombinedError({ graphQLErrors: [new GraphQLError('Unexpected error.')] });

describe('graphql errors for people', () => {
  it('reads the codes', () => {
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect(hasErrorCode(forbidden, 'FORBIDDEN')).toBe(true);
    expect(hasErrorCode(masked, 'FORBIDDEN')).toBe(false);
    expect(errorCodes(undefined)).toEqual([]);
  });

  it("shows the server's message for coded errors and a fallback for masked ones", () => {
    expect(errorMessage(forbidden)).toBe('You do not have the permission this field needs');
    expect(errorMessage(masked, 'Try again.')).toBe('Try again.');
  });

  it('explains network trouble', () => {
    const offline = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(errorMessage(offline)).toMatch(/could not be reached/);
  });
});
