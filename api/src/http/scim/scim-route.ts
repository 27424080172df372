import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../../config.js';
import type { ScimCaller } from '../../modules/access/scim-token-auth.js';
import type { DirectoryService } from '../../modules/directory/directory.service.js';
import { changedAttributes } from '../../scim/activity/changed-attributes.js';

export interface ScimRequest {
  method: string;
  /** Path segments after the company's base URL, e.g. ['Users', '<id>']. */
  segments: string[];
  /** Values matched by ':id' in the route pattern. */
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  caller: ScimCaller;
  baseUrl: string;
  directory: DirectoryService;
  config: Config;
}

export interface ScimReply {
  status: number;
  body?: unknown;
  /**
   * Instead of `body`, for a body too large to hold: its JSON text, chunk by chunk, sent as it
   * comes (chunked, no content-length). writeScimReply reads it to the end or returns it.
   */
  stream?: AsyncIterableIterator<string>;
  headers?: Record<string, string>;
  /** For the activity log: what the request touched. */
  resourceType?: string;
  resourceId?: string;
  /** userName or displayName as the write left it (or as it was, for a DELETE). */
  resourceName?: string;
  /** Names of the attributes a write touched (see changed-attributes.ts); never values. */
  changedAttributes?: string[];
}

/** What a write's reply says about it for the activity log. */
export function writeActivity(request: Pick<ScimRequest, 'method' | 'body'>, resourceName: string | null | undefined) {
  return {
    ...(resourceName ? { resourceName } : {}),
    ...(request.method === 'GET' ? {} : { changedAttributes: changedAttributes(request.method, request.body) ?? [] }),
  };
}

export type ScimRouteHandler = (request: ScimRequest) => Promise<ScimReply>;

export type ScimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ScimEndpoint {
  /** What the activity log calls this request, e.g. "Create User". */
  operation: string;
  handle: ScimRouteHandler;
}

export interface ScimRoute {
  /** Segment patterns; ':id' matches any one segment, other entries match case-insensitively. */
  pattern: string[];
  methods: Partial<Record<ScimMethod, ScimEndpoint>>;
}

export interface RouteMatch {
  route: ScimRoute;
  params: string[];
}

/** Resource names and URNs are case-insensitive in SCIM paths (RFC 7643 §2.1). */
export function matchRoute(routes: readonly ScimRoute[], segments: string[]): RouteMatch | undefined {
  for (const route of routes) {
    if (route.pattern.length !== segments.length) continue;
    const params: string[] = [];
    const matches = route.pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part === ':id') {
        params.push(segment);
        return segment.length > 0;
      }
      return part.toLowerCase() === segment.toLowerCase();
    });
    if (matches) return { route, params };
  }
  return undefined;
}

export function requestHeader(request: ScimRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
