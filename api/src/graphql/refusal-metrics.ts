import type { Plugin } from 'graphql-yoga';
import type { GraphqlContext } from './context.js';

/** What the HTTP edge's metrics offer GraphQL (http/metrics.ts implements it). */
export interface RefusalCounter {
  countGraphqlRefusal(code: string): void;
}

const COUNTED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_REQUESTS']);

/**
 * GraphQL answers refusals inside a 200 response, so the router's status-based count misses
 * them: one count per operation, by the first refusal code it carries (after error rendering).
 */
export function useRefusalMetrics(metrics: RefusalCounter): Plugin<GraphqlContext> {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        if (!('errors' in result) || !result.errors) return;
        const code = result.errors.map((error) => error.extensions?.code).find((c) => typeof c === 'string' && COUNTED.has(c));
        if (typeof code === 'string') metrics.countGraphqlRefusal(code);
      },
    }),
  };
}
