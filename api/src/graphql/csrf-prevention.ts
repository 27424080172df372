import type { Plugin } from 'graphql-yoga';
import { CSRF_HEADER } from '../modules/access/credentials.js';

/**
 * A cross-site form or image request can carry the session cookie but cannot set a custom
 * header without a CORS preflight, which this server never grants. So every HTTP request must
 * carry the CSRF header, unless it authenticates with `Authorization: Bearer`, which no browser
 * attaches on its own (and which makes the server ignore the cookie). Sign-in is covered too,
 * which stops login CSRF.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.headers.get(CSRF_HEADER)) return;
      if (/^Bearer\s/i.test(request.headers.get('authorization') ?? '')) return;
      const body = {
        errors: [
          {
            message: `Missing the ${CSRF_HEADER} header. Browsers: send "${CSRF_HEADER}: 1"; integrators: authenticate with Authorization: Bearer <API token>.`,
            extensions: { code: 'FORBIDDEN', reason: 'CSRF' },
          },
        ],
      };
      endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json' } }));
    },
  };
}
