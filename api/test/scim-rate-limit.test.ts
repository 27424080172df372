import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { runCli } from './process.js';
import { ERROR_URN, USER_URN } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read SCIM JSON
  localPort: number | undefined;
}

/** One keep-alive socket per company, so a test can see that a 429 leaves the connection open. */
function keepAliveClient(company: SeededCompany) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(company.scimBaseUrl);
  const send = (method: string, path: string, body?: unknown) => new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { authorization: `Bearer ${company.scimToken}` };
    if (payload) Object.assign(headers, { 'content-type': 'application/scim+json', 'content-length': payload.length });
    const request = http.request({ agent, host: base.hostname, port: base.port, method, path: `${base.pathname}${path}`, headers }, (res) => {
      const localPort = res.socket.localPort;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined, localPort });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
  return { send, close: () => agent.destroy() };
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

const THROTTLED_QUERY = '{ scimConfig { throttledLastHour rateLimit { perSecond burst source } } }';
const FAILURES_QUERY = '{ recentActivity(first: 50, failuresOnly: true) { edges { node { status } } } }';
const ACTIVITY_QUERY = '{ recentActivity(first: 50) { edges { node { status throttled message } } } }';

// One token a second, so a burst of 20 within the second gets exactly the bucket's 10 through.
describe('SCIM rate limit per company', { timeout: 60_000 }, () => {
  let t: TestApp;
  let acme: SeededCompany;
  let other: SeededCompany;
  beforeAll(async () => {
    t = await startTestApp({ SCIM_RATE_LIMIT_PER_SECOND: '1', SCIM_RATE_LIMIT_BURST: '10' });
    acme = await seedCompany(t);
    other = await seedCompany(t);
  });
  afterAll(() => t.close());

  it('answers a burst beyond the bucket 429 with Retry-After and a SCIM error, on the same open socket', async () => {
    const client = keepAliveClient(acme);
    try {
      const started = Date.now();
      const answers: Answer[] = [];
      for (let i = 0; i < 20; i++) answers.push(await client.send('GET', '/ServiceProviderConfig'));
      const refills = Math.floor((Date.now() - started) / 1000);
      const allowed = answers.filter((a) => a.status === 200).length;
      expect(allowed).toBeGreaterThanOrEqual(10);
      expect(allowed).toBeLessThanOrEqual(10 + refills);
      const throttled = answers.filter((a) => a.status === 429);
      expect(throttled).toHaveLength(20 - allowed);
      for (const answer of throttled) {
        expect(answer.headers['content-type']).toContain('application/scim+json');
        expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(answer.headers.connection).not.toBe('close');
        expect(answer.body).toMatchObject({ schemas: [ERROR_URN], status: '429' });
        expect(answer.body.detail).toContain('1 SCIM requests per second (bursts of 10)');
      }
      // A refused body is read and dropped: the connection stays usable.
      const post = await client.send('POST', '/Users', { schemas: [USER_URN], userName: 'throttled@example.test' });
      expect(post.status).toBe(429);
      expect(new Set([...answers, post].map((a) => a.localPort)).size).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, Number(post.headers['retry-after']) * 1000));
      const after = await client.send('GET', '/ServiceProviderConfig');
      expect(after.status).toBe(200);
      expect(after.localPort).toBe(post.localPort);
      // Another company has its own bucket.
      const otherClient = keepAliveClient(other);
      const others = await Promise.all(Array.from({ length: 10 }, () => otherClient.send('GET', '/ServiceProviderConfig')));
      otherClient.close();
      expect(others.map((a) => a.status)).toEqual(Array(10).fill(200));
    } finally {
      client.close();
    }
  });

  it('counts throttled requests in throttledLastHour, not among failures', async () => {
    await eventually(async () => {
      const { data } = await gql<{ scimConfig: { throttledLastHour: number } }>(t, THROTTLED_QUERY, {}, { token: acme.apiToken });
      return (data?.scimConfig.throttledLastHour ?? 0) >= 10;
    }, 5_000);
    const failures = await gql<{ recentActivity: { edges: { node: { status: number } }[] } }>(t, FAILURES_QUERY, {}, { token: acme.apiToken });
    expect(failures.data?.recentActivity.edges.map((e) => e.node.status)).not.toContain(429);
    type Activity = { recentActivity: { edges: { node: { status: number; throttled: boolean; message: string | null } }[] } };
    const all = await gql<Activity>(t, ACTIVITY_QUERY, {}, { token: acme.apiToken });
    const throttledRows = all.data?.recentActivity.edges.filter((e) => e.node.throttled).map((e) => e.node) ?? [];
    expect(throttledRows.length).toBeGreaterThanOrEqual(10);
    expect(throttledRows.every((row) => row.status === 429 && row.message?.startsWith('Too many requests'))).toBe(true);
    const quiet = await gql<{ scimConfig: { throttledLastHour: number } }>(t, THROTTLED_QUERY, {}, { token: other.apiToken });
    expect(quiet.data?.scimConfig).toMatchObject({ throttledLastHour: 0, rateLimit: { perSecond: 1, burst: 10, source: 'DEFAULT' } });
    const metrics = await (await fetch(`${t.metricsUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`roster_scim_throttled_requests_total\\{company="${acme.slug}"\\} \\d+`));
    expect(metrics).toMatch(/roster_throttled_requests_total\{family="scim",reason="rate_limited"\} \d+/);
  });

  it('applies a company limit set by the CLI at once, and --default brings the deployment limit back', async () => {
    const client = keepAliveClient(acme);
    try {
      const drain = async () => { while ((await client.send('GET', '/ServiceProviderConfig')).status !== 429); };
      await drain();
      const cli = await runCli(['company', 'rate-limit', acme.slug, '--per-second', '0'], { DATABASE_URL: t.database.url });
      expect(cli.output).toContain(`SCIM rate limit for ${acme.slug}: no limit (its own)`);
      // Well inside the cached caller's 5 s: the change reached this server by NOTIFY.
      await eventually(async () => (await client.send('GET', '/ServiceProviderConfig')).status === 200, 3_000);
      const free = await Promise.all(Array.from({ length: 30 }, () => client.send('GET', '/ServiceProviderConfig')));
      expect(free.every((a) => a.status === 200)).toBe(true);

      await t.services().rateLimits.setScimRateLimit(acme.companyId, null, 'test');
      await drain();
      const audit = await t.services().companies.listAudit(acme.companyId);
      expect(audit.filter((e) => e.action === 'scim.rate-limit-changed').map((e) => [e.actor, e.detail])).toEqual([
        ['test', { from: { perSecond: 0, burst: 1 }, to: null }],
        ['cli', { from: null, to: { perSecond: 0, burst: 1 } }],
      ]);
    } finally {
      client.close();
    }
  });

  it('shows a company limit in GraphQL and refuses a bad one', async () => {
    await t.services().rateLimits.setScimRateLimit(other.companyId, { perSecond: 7, burst: 20 }, 'test');
    const { data } = await gql<{ scimConfig: unknown }>(t, THROTTLED_QUERY, {}, { token: other.apiToken });
    expect(data?.scimConfig).toMatchObject({ rateLimit: { perSecond: 7, burst: 20, source: 'COMPANY' } });
    await expect(t.services().rateLimits.setScimRateLimit(other.companyId, { perSecond: 5, burst: 0 }, 'test'))
      .rejects.toThrow('burst');
  });

  it('applies a limit changed by plain SQL through the scim_auth NOTIFY, well before the cache expires', async () => {
    const third = await seedCompany(t);
    await t.services().rateLimits.setScimRateLimit(third.companyId, { perSecond: 0, burst: 1 }, 'test');
    const client = keepAliveClient(third);
    try {
      // The first request looks the caller up (no limit) and caches it for 5 s.
      const free = [];
      for (let i = 0; i < 15; i++) free.push((await client.send('GET', '/ServiceProviderConfig')).status);
      expect(free).toEqual(Array(15).fill(200));
      await t.orm.em.getConnection().execute(
        'update company set scim_rate_limit_per_second = 1, scim_rate_limit_burst = 1 where id = ?', [third.companyId],
      );
      await eventually(async () => (await client.send('GET', '/ServiceProviderConfig')).status === 429, 1_500);
    } finally {
      client.close();
    }
  });
});
