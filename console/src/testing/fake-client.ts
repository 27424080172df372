import { getOperationName, type AnyVariables, type Client, type CombinedError, type GraphQLRequest, type TypedDocumentNode } from '@urql/core';
import { fromValue, map, never, pipe, type Source } from 'wonka';

/** What a stubbed operation answers: data, an error, or both (urql's partial results). */
export interface Reply<Data> {
  data?: Data;
  error?: CombinedError;
}

type Answer = (variables: AnyVariables) => Source<Reply<unknown>>;

export interface Route {
  name: string;
  answer: Answer;
}

/**
 * Answers the operation of `document` — typed by the generated document, so a canned reply
 * that no longer matches the schema fails the typecheck. A plain reply arrives at once; pass
 * a wonka source (`never`, a subject) to keep the operation pending or to push later results.
 */
export function on<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  reply: (variables: Variables) => Reply<Data> | Source<Reply<Data>>,
): Route {
  const name = getOperationName(document);
  if (!name) throw new Error('on() needs a named operation');
  return {
    name,
    answer: (variables) => {
      const result = reply(variables as Variables);
      return typeof result === 'function' ? result : fromValue(result);
    },
  };
}

export interface FakeClient {
  client: Client;
  /** The variables of every operation of that name the components started, in order. */
  calls(name: string): AnyVariables[];
}

/**
 * An urql client for component tests: no network, every operation answered by its route;
 * operations without a route stay pending (like a slow server).
 */
export function fakeClient(...routes: Route[]): FakeClient {
  const byName = new Map(routes.map((route) => [route.name, route.answer]));
  const seen: { name: string; variables: AnyVariables }[] = [];
  const execute = (request: GraphQLRequest) => {
    const name = getOperationName(request.query) ?? '';
    seen.push({ name, variables: request.variables });
    const answer = byName.get(name);
    if (!answer) return never;
    return pipe(
      answer(request.variables),
      map((reply) => ({ ...reply, stale: false, hasNext: false })),
    );
  };
  const client = { executeQuery: execute, executeMutation: execute, executeSubscription: execute };
  return {
    client: client as unknown as Client,
    calls: (name) => seen.filter((call) => call.name === name).map((call) => call.variables),
  };
}
