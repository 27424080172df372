import { performance } from 'node:perf_hooks';
import { createJsonClient } from './http-client.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';

export interface TenantTarget {
  slug: string;
  base: string;
  token: string;
}

export interface TenantLoadResult {
  slug: string;
  requests: number;
  errors: number;
  /** Status → count, for a run whose errors need explaining. */
  statuses: Record<number, number>;
  latencies: number[];
}

/**
 * One company's IdP at a steady rate (open loop: a request leaves every 1/rate s whether or not
 * the last one has been answered, as Entra's provisioning cycles do), in Entra's mix: look a user
 * up by userName, then create or PATCH it; PATCH a group's members; the odd group create.
 */
export async function driveTenant(target: TenantTarget, perSecond: number, seconds: number, sockets = 4): Promise<TenantLoadResult> {
  const scim = createJsonClient(target.base, { authorization: `Bearer ${target.token}`, 'content-type': 'application/scim+json' }, sockets);
  const result: TenantLoadResult = { slug: target.slug, requests: 0, errors: 0, statuses: {}, latencies: [] };
  const users: string[] = [];
  const groups: string[] = [];
  let step = 0;
  const timed = async (method: string, path: string, body?: unknown) => {
    const begin = performance.now();
    const response = await scim(method, path, body).catch(() => ({ status: 0, json: undefined }));
    result.latencies.push(performance.now() - begin);
    result.requests += 1;
    result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
    if (response.status === 0 || response.status >= 400) result.errors += 1;
    return response;
  };
  const next = async (n: number) => {
    const kind = n % 10;
    if (kind < 4) {
      await timed('GET', `/Users?filter=${encodeURIComponent(`userName eq "${target.slug}-${n % Math.max(1, users.length)}@load.example"`)}`);
    } else if (kind < 6 || users.length < 5) {
      const i = users.length;
      const created = await timed('POST', '/Users', { schemas: [USER_URN], userName: `${target.slug}-${i}-${n}@load.example`, displayName: `Load ${i}`, active: true, emails: [{ value: `${target.slug}-${i}-${n}@load.example`, primary: true }] });
      if (created.status === 201) users.push(created.json.id);
    } else if (kind < 8) {
      await timed('PATCH', `/Users/${users[n % users.length]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: `Load ${n}` }] });
    } else if (groups.length < 3 || kind === 9 && n % 50 === 9) {
      const created = await timed('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `${target.slug} group ${n}` });
      if (created.status === 201) groups.push(created.json.id);
    } else {
      const op = n % 20 < 10 ? { op: 'add', path: 'members', value: [{ value: users[n % users.length] }] } : { op: 'remove', path: `members[value eq "${users[(n + 7) % users.length]}"]` };
      await timed('PATCH', `/Groups/${groups[n % groups.length]}`, { schemas: [PATCH_OP], Operations: [op] });
    }
  };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.floor(perSecond * seconds);
  while (step < total) {
    const due = started + (step * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = next(step).finally(() => inFlight.delete(request));
    inFlight.add(request);
    step += 1;
  }
  await Promise.all(inFlight);
  return result;
}

export const p95 = (latencies: number[]) => [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.95)] ?? 0;

/** Least-squares slope of y over x (MB per minute when x is minutes), and its standard error. */
export function slope(points: { x: number; y: number }[]): { slope: number; stderr: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const b = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  const residual = points.reduce((s, p) => s + (p.y - my - b * (p.x - mx)) ** 2, 0);
  return { slope: b, stderr: Math.sqrt(residual / Math.max(1, n - 2) / sxx) };
}
