import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', coded('ECONNREFUSED')],
    ['connection reset', coded('ECONNRESET')],
    ['every address refused (AggregateError)', Object.assign(new AggregateError([coded('ECONNREFUSED')]), { code: undefined })],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['class 08 (connection exception)', coded('08006')],
    ['57P01 admin_shutdown', coded('57P01', 'terminating connection due to administrator command')],
    ['57P03 cannot_connect_now', coded('57P03', 'the database system is starting up')],
    ['knex pool acquire timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ['pg pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by GraphQL', new GraphQLError('boom', { originalError: coded('ECONNREFUSED') })],
    ['wrapped as a cause', new Error('query failed', { cause: coded('57P01') })],
  ])('%s is unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', coded('23505', 'duplicate key value violates unique constraint')],
    ['syntax error', coded('42601')],
    ['lock timeout', coded('55P03')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
