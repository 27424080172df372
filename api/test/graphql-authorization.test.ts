import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { activityChannel } from '../src/events/channels.js';
import { PERMISSIONS, type Permission } from '../src/modules/access/permissions.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { collect, gql, signIn, socketClient, waitFor, type Caller, type GqlError } from './graphql-helpers.js';
import { eventPayload, insertDirectoryRows, insertEvents } from './graphql-fixtures.js';

/** Who may call each root field, per issue 4; `null` means anyone. */
/** The permission a field needs; a list means any one of them will do. */
const REQUIRED: Record<string, Permission | readonly Permission[] | null> = {
  viewer: null,
  signIn: null,
  signOut: null,
  scimConfig: 'iam:read',
  counts: 'iam:read',
  recentActivity: 'iam:read',
  directoryUsers: 'iam:read',
  directoryUser: 'iam:read',
  directoryGroups: 'iam:read',
  directoryGroup: 'iam:read',
  auditTrail: 'iam:read',
  bulkDeleteJob: 'iam:read',
  activeBulkDeleteJob: 'iam:read',
  provisioningActivity: 'iam:read',
  bulkDeleteProgress: 'iam:read',
  scimSetup: 'iam:read',
  bulkDeleteStarted: 'iam:read',
  disableEntraId: 'iam:manage',
  scimTokens: 'iam:manage',
  activateScim: 'iam:manage',
  deactivateScim: 'iam:manage',
  createScimToken: 'iam:manage',
  revokeScimToken: 'iam:manage',
  deleteAllScimUsers: 'users:delete',
  events: 'iam:read',
  directoryEvents: 'iam:read',
  webhookEndpoints: 'iam:manage',
  webhookDeliveries: 'iam:manage',
  createWebhookEndpoint: 'iam:manage',
  updateWebhookEndpoint: 'iam:manage',
  rotateWebhookSecret: 'iam:manage',
  deleteWebhookEndpoint: 'iam:manage',
  redeliverWebhookEvent: 'iam:manage',
  sendTestWebhookEvent: 'iam:manage',
  provisioningEvent: 'iam:read',
  activityTokens: 'iam:read',
  deprovisioningGuard: 'iam:read',
  releaseDeprovisioningGuard: 'iam:manage',
  updateDeprovisioningGuard: 'iam:manage',
  rotateScimToken: 'iam:manage',
  deprovisioningPolicy: ['iam:read', 'iam:manage', 'users:delete'],
  updateDeprovisioningPolicy: 'iam:manage',
  deletedUsers: 'iam:read',
  lastBulkDeleteRun: 'iam:read',
  restoreUsers: ['iam:manage', 'users:delete'],
  restoreBulkDelete: 'users:delete',
};

/** Values for the webhook fields' required arguments. */
const WEBHOOK_ARGS = { url: 'https://hooks.example.com/roster', endpointId: '00000000-0000-4000-8000-000000000000', eventId: '1.1' };
/** Values for the deprovisioning fields' required arguments. */
const DEPROVISIONING_ARGS = { ids: ['00000000-0000-4000-8000-000000000000'], policy: 'SOFT_DELETE' };

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Every field below `type`, to a depth that covers connections (edges → node → fields). */
function selection(type: GraphQLObjectType, depth = 0): string {
  const parts = Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    if (isObjectType(named) && depth < 4) return [`${field.name} { ${selection(named, depth + 1)} }`];
    return [];
  });
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

function document(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const vars = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = required.length ? `(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection(named)} }` : '';
  const variables = Object.fromEntries(required.map((arg) => [arg.name, args[arg.name]]));
  return { query: `${kind}${vars ? `(${vars})` : ''} { ${field.name}${call}${body} }`, variables };
}

function permissionSets(): Permission[][] {
  return Array.from({ length: 1 << PERMISSIONS.length }, (_, mask) => PERMISSIONS.filter((_p, i) => mask & (1 << i)));
}

function expectOutcome(field: string, held: readonly Permission[] | null, errors: GqlError[] | undefined) {
  const required = REQUIRED[field];
  expect(required, `issue 4 states no rule for ${field}`).not.toBeUndefined();
  const authCodes = (errors ?? []).map((e) => e.extensions?.code).filter((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED');
  const anyOf = required === null || required === undefined ? [] : typeof required === 'string' ? [required] : required;
  const allowed = required === null || anyOf.some((permission) => held?.includes(permission) ?? false);
  if (allowed) expect(authCodes, `${field} with [${held}]`).toEqual([]);
  else expect(authCodes[0], `${field} with [${held}]`).toBe(held === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  expect((errors ?? []).every((e) => e.extensions?.code !== 'INTERNAL_SERVER_ERROR'), JSON.stringify(errors)).toBe(true);
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('every field under every permission set', () => {
  const queryFields = () => Object.values(schema.getQueryType()!.getFields());
  // signOut last: it ends the session the rest of the run signs in with.
  const mutationFields = () => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    return [...fields.filter((f) => f.name !== 'signOut'), ...fields.filter((f) => f.name === 'signOut')];
  };

  it('anonymous callers: UNAUTHENTICATED except on the public fields', async () => {
    const company = await seedCompany(t);
    const args = { email: company.email, password: company.password, label: 'x', id: UNKNOWN_ID, jobId: UNKNOWN_ID, ...WEBHOOK_ARGS, ...DEPROVISIONING_ARGS };
    for (const field of [...queryFields(), ...mutationFields()]) {
      const kind = schema.getQueryType()!.getFields()[field.name] === field ? 'query' : 'mutation';
      const { query, variables } = document(kind, field, args);
      expectOutcome(field.name, null, (await gql(t, query, variables)).errors);
    }
  });

  for (const held of permissionSets()) {
    it(`with [${held.join(', ')}] as operator and as API token, over HTTP and WebSocket`, async () => {
      const company = await seedCompany(t, { permissions: held });
      const cookie = await signIn(t, company.email, company.password);
      const [scimToken] = await t.services().tokens.listScimTokens(company.companyId);
      const args = { email: company.email, password: company.password, label: 'matrix', id: scimToken?.id, jobId: UNKNOWN_ID, ...WEBHOOK_ARGS, ...DEPROVISIONING_ARGS };
      for (const caller of [{ token: company.apiToken }, { cookie }] satisfies Caller[]) {
        for (const field of [...queryFields(), ...mutationFields()]) {
          const kind = schema.getQueryType()!.getFields()[field.name] === field ? 'query' : 'mutation';
          const { query, variables } = document(kind, field, args);
          const response = await gql(t, query, variables, caller);
          expectOutcome(field.name, held, response.errors);
        }
      }
      await expectSubscriptions(company, held);
    });
  }

  async function expectSubscriptions(company: SeededCompany, held: Permission[]) {
    const { client } = socketClient(t, { authorization: `Bearer ${company.apiToken}` });
    for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
      const { query } = document('subscription', field, { jobId: UNKNOWN_ID });
      const stream = collect(client, query.replace('$jobId: ID!', '').replace('(jobId: $jobId)', `(jobId: "${UNKNOWN_ID}")`).replace('subscription()', 'subscription'));
      if (field.name === 'provisioningActivity' && held.includes('iam:read')) {
        for (let i = 0; i < 40 && stream.values.length === 0; i += 1) {
          await t.events.publish(activityChannel(company.companyId), eventPayload(company.companyId, `${i + 1}`));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await waitFor(() => stream.values.length > 0 || stream.failure() !== undefined, 5000, field.name).catch(() => undefined);
      const errors = stream.values.flatMap((value) => value.errors ?? []);
      const failure = stream.failure();
      expectOutcome(field.name, held, [...errors, ...(Array.isArray(failure) ? (failure as GqlError[]) : [])]);
      if (field.name === 'provisioningActivity' && held.includes('iam:read')) expect(stream.values[0]?.data).toBeTruthy();
      stream.stop();
    }
    await client.dispose();
  }
});

describe('cross-company isolation', () => {
  it('company A\'s operator and API token can neither read nor change company B through any field', async () => {
    const a = await seedCompany(t);
    const b = await seedCompany(t);
    await insertDirectoryRows(t, b.companyId, { scimUsers: 5, scimGroups: 2 });
    const bEvents = await insertEvents(t, b.companyId, [{ status: 201 }, { status: 409 }, { status: 200 }]);
    const aEvents = await insertEvents(t, a.companyId, [{ status: 201 }]);
    const [bToken] = await t.services().tokens.listScimTokens(b.companyId);
    await t.services().companies.recordAudit(b.companyId, 'b-admin@example.test', 'scim.deactivated');
    // Beyond every time and id: only A's rows may follow.
    const bCursor = Buffer.from(`t:2999-01-01T00:00:00.000000Z|${Number(bEvents[2]) + 1000}`).toString('base64url');
    const cookie = await signIn(t, a.email, a.password);

    for (const caller of [{ token: a.apiToken }, { cookie }] satisfies Caller[]) {
      const read = await gql<Record<string, unknown>>(
        t,
        `query($after: String) {
          viewer { company { id slug } }
          scimConfig { baseUrl }
          counts { users groups }
          recentActivity(first: 50) { edges { node { id } } }
          paged: recentActivity(first: 50, after: $after) { edges { node { id } } }
          scimTokens { id }
          auditTrail(first: 100) { edges { node { actor } } }
        }`,
        { after: bCursor },
        caller,
      );
      expect(read.errors).toBeUndefined();
      const text = JSON.stringify(read.data);
      expect(read.data).toMatchObject({
        viewer: { company: { id: a.companyId, slug: a.slug } },
        scimConfig: { baseUrl: `${t.baseUrl}/pp/scim/v2/${a.slug}` },
        counts: { users: 0, groups: 0 },
        recentActivity: { edges: [{ node: { id: aEvents[0] } }] },
        paged: { edges: [{ node: { id: aEvents[0] } }] },
      });
      expect(text).not.toContain(b.companyId);
      expect(text).not.toContain(b.slug);
      expect(text).not.toContain(bToken!.id);
      expect(text).not.toContain('b-admin@example.test');

      const revoke = await gql(t, 'mutation($id: ID!) { revokeScimToken(id: $id) { id } }', { id: bToken!.id }, caller);
      expect(revoke.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'SCIM token not found']]);
      const unknown = await gql(t, 'mutation($id: ID!) { revokeScimToken(id: $id) { id } }', { id: UNKNOWN_ID }, caller);
      expect(unknown.errors?.map((e) => e.message)).toEqual(revoke.errors?.map((e) => e.message));
    }

    expect((await gql(t, 'mutation { deactivateScim { status } }', {}, { token: a.apiToken })).data).toEqual({ deactivateScim: { status: 'INACTIVE' } });
    await gql(t, 'mutation { createScimToken(label: "A only") { secret } }', {}, { cookie });
    const bView = await gql<Record<string, unknown>>(t, '{ scimConfig { status } scimTokens { label revokedAt } }', {}, { token: b.apiToken });
    expect(bView.data).toEqual({ scimConfig: { status: 'ACTIVE' }, scimTokens: [{ label: 'Test IdP', revokedAt: null }] });
    const bScim = await fetch(`${b.scimBaseUrl}/Users?count=1`, { headers: { authorization: `Bearer ${b.scimToken}` } });
    expect(bScim.status).toBe(200);

    const { client } = socketClient(t, { cookie });
    const stream = collect<{ provisioningActivity: { id: string } }>(client, 'subscription { provisioningActivity { id } }');
    for (let i = 0; i < 40 && stream.values.length === 0; i += 1) {
      await t.events.publish(activityChannel(b.companyId), eventPayload(b.companyId, `9${i}`));
      await t.events.publish(activityChannel(a.companyId), eventPayload(a.companyId, `${i + 1}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => stream.values.length > 0, 5000, 'A\'s event');
    expect(stream.values.every((value) => !value.data?.provisioningActivity.id.startsWith('9'))).toBe(true);
    stream.stop();
    await client.dispose();
  });
});
