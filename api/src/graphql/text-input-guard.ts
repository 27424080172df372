import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { findJsonProblem, isStorableText } from '../domain/storable-text.js';

/** Variables are JSON of at most the request body size; deeper than this is no input of ours. */
const MAX_VARIABLE_DEPTH = 32;

function refused(detail: string): GraphQLError {
  return new GraphQLError(detail, { extensions: { code: 'BAD_USER_INPUT', reason: 'UNSTORABLE_TEXT' } });
}

/** String literals written in the document itself. */
const storableLiteralsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  StringValue(node) {
    if (!isStorableText(node.value)) {
      context.reportError(refused('A string argument contains a NUL character or an unpaired UTF-16 surrogate'));
    }
  },
});

function variableProblem(variables: unknown): GraphQLError | undefined {
  const problem = findJsonProblem(variables ?? {}, MAX_VARIABLE_DEPTH);
  if (!problem) return undefined;
  return problem.kind === 'depth'
    ? refused(`Variables nest more than ${MAX_VARIABLE_DEPTH} levels deep`)
    : refused(`Variable "${problem.path}" contains a NUL character or an unpaired UTF-16 surrogate`);
}

/**
 * PostgreSQL refuses NUL in text columns and the driver mangles unpaired surrogates, so such
 * strings are refused as BAD_USER_INPUT before any resolver runs, over HTTP and WebSocket alike.
 */
export function useTextInputGuard(): Plugin {
  return {
    onValidate: ({ addValidationRule }) => addValidationRule(storableLiteralsRule),
    onExecute: ({ args, setResultAndStopExecution }) => {
      const error = variableProblem(args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      const error = variableProblem(args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
