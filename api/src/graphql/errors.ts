import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, maskError, type Plugin } from 'graphql-yoga';
import { DomainError } from '../domain/domain-error.js';
import { RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/database-unavailable.js';
import type { Logger } from '../logger.js';
import type { GraphqlContext } from './context.js';

/** A DomainError becomes a GraphQLError whose extensions.code is its kind (DESIGN.md's closed set). */
export function fromDomainError(error: DomainError, at?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: at?.nodes,
    path: at?.path,
    extensions: { code: error.kind, reason: error.code },
  });
}

/**
 * An unreachable database is the caller's cue to retry, not a bug to hide behind a request id.
 * `http` sets the status of an HTTP answer that has no data (Yoga strips it from the body).
 */
function serviceUnavailable(at?: GraphQLError): GraphQLError {
  return new GraphQLError('The service is temporarily unavailable; retry later', {
    nodes: at?.nodes,
    path: at?.path,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}

/** Errors GraphQL itself raised (validation, scope-auth, bad variables) are safe to show. */
function isOwnGraphqlError(error: GraphQLError): boolean {
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError) cause = cause.originalError;
  return cause === undefined || cause === null;
}

function innermost(error: GraphQLError): unknown {
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

/**
 * Expected failures keep their code; anything else is logged with the request id and answered
 * with that id only, so a caller can quote it without ever seeing SQL or a stack.
 */
export function renderError(error: GraphQLError, requestId: string, logger: Logger): GraphQLError {
  const cause = innermost(error);
  if (cause instanceof DomainError) return fromDomainError(cause, error);
  if (isDatabaseUnavailable(cause)) {
    logger.warn({ err: cause, requestId, path: error.path?.join('.') }, 'GraphQL operation refused: database unavailable');
    return serviceUnavailable(error);
  }
  if (isOwnGraphqlError(error)) return error;
  logger.error({ err: cause, requestId, path: error.path?.join('.') }, 'unexpected error in a GraphQL resolver');
  return new GraphQLError(`Unexpected error (request id ${requestId})`, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  });
}

/** Yoga's own masking stays on as the last line, for errors raised outside execution. */
export function maskUnexpected(error: unknown, message: string, isDev?: boolean): Error {
  if (error instanceof GraphQLError) {
    const cause = innermost(error);
    if (cause instanceof DomainError) return fromDomainError(cause, error);
    if (isDatabaseUnavailable(cause)) return serviceUnavailable(error);
  }
  if (error instanceof DomainError) return fromDomainError(error);
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  return maskError(error, message, isDev);
}

/** Applies `renderError` to every result, single or streamed (subscriptions), over HTTP and WebSocket. */
export function useErrorRendering(logger: Logger): Plugin<GraphqlContext> {
  const onResult = (ctx: GraphqlContext) => handler(ctx.requestId, logger);
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, onResult(args.contextValue)),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, onResult(args.contextValue)),
    }),
  };
}

function handler(requestId: string, logger: Logger) {
  return ({ result, setResult }: { result: { errors?: readonly GraphQLError[] }; setResult: (r: never) => void }) => {
    if (!result.errors?.length) return;
    setResult({ ...result, errors: result.errors.map((error) => renderError(error, requestId, logger)) } as never);
  };
}
