import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Yoga parses `variables` and `extensions` of a GET (or form-encoded POST) with a bare
 * JSON.parse, so `?variables=%zz` surfaced as a masked 500. It is the caller's mistake: a 400
 * with a code, as for a POST body that is not JSON.
 */
export function useRequestParseErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('The variables or extensions parameter is not valid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
