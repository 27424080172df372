/** Issue 11 §7: every GraphQL argument that takes an id, given company B's ids by company A. */
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { collect, gql, signIn, socketClient, waitFor, type Caller, type GqlError } from './graphql-helpers.js';
import { insertEvents } from './graphql-fixtures.js';
import { GROUP_URN, USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let a: SeededCompany;
let b: SeededCompany;
/** Every kind of id company B has, by what it names. */
let bIds: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  [a, b] = await Promise.all([seedCompany(t), seedCompany(t)]);
  const scimB = scimClient(b);
  const user = (await scimB('POST', '/Users', { schemas: [USER_URN], userName: 'b-only@example.com' })).body;
  const group = (await scimB('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'B only' })).body;
  const job = await gql<{ deleteAllScimUsers: { id: string } }>(t, 'mutation { deleteAllScimUsers { id } }', {}, { token: b.apiToken });
  const [token] = await t.services().tokens.listScimTokens(b.companyId);
  const [event] = await insertEvents(t, b.companyId, [{ status: 201, tokenLabel: 'B IdP' }]);
  const viewer = await gql<{ viewer: { id: string } }>(t, '{ viewer { id } }', {}, { token: b.apiToken });
  bIds = {
    scimToken: token!.id,
    bulkDeleteJob: job.data!.deleteAllScimUsers.id,
    user: user.id,
    group: group.id,
    event: event!,
    company: b.companyId,
    apiToken: viewer.data!.viewer.id,
  };
});
afterAll(() => t?.close());

interface IdField {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
}

/** Root fields with at least one ID argument; any other required argument would need a value here. */
function idFields(): IdField[] {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const;
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {})
      .filter((field) => field.args.some((arg) => getNamedType(arg.type).name === 'ID'))
      .map((field) => {
        const other = field.args.filter((arg) => isNonNullType(arg.type) && getNamedType(arg.type).name !== 'ID');
        expect(other.map((arg) => arg.name), `${field.name} needs a value for these in this test`).toEqual([]);
        return { kind, field };
      }),
  );
}

function documentFor({ kind, field }: IdField): string {
  const idArgs = field.args.filter((arg) => getNamedType(arg.type).name === 'ID');
  const named = getNamedType(field.type);
  const leaves = isObjectType(named)
    ? Object.values(named.getFields()).filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name).join(' ')
    : '';
  const call = idArgs.map((arg) => `${arg.name}: $id`).join(', ');
  return `${kind}($id: ID!) { ${field.name}(${call})${leaves ? ` { ${leaves} }` : ''} }`;
}

/** B's data that must never reach A, whatever A sends. */
const bSecrets = () => [b.slug, b.email, b.companyId, 'B IdP', 'b-only@example.com', 'B only', bIds.apiToken];

function expectRefused(name: string, id: string, data: Record<string, unknown> | null | undefined, errors: GqlError[] | undefined) {
  const text = JSON.stringify({ data, errors });
  for (const secret of bSecrets().filter((secret) => secret !== id)) expect(text, `${name}(${id}) leaks ${secret}`).not.toContain(secret);
  expect((errors ?? []).map((e) => e.extensions?.code).filter((code) => code === 'INTERNAL_SERVER_ERROR'), text).toEqual([]);
  const value = data?.[name];
  const refusedByError = (errors ?? []).some((e) => ['NOT_FOUND', 'BAD_USER_INPUT'].includes(e.extensions?.code ?? ''));
  expect(value === null || value === undefined || refusedByError, `${name}(${id}) answered ${text}`).toBe(true);
}

async function bState() {
  const state = await gql(t, '{ scimTokens { id revokedAt } scimConfig { status } counts { users groups } }', {}, { token: b.apiToken });
  const job = await gql(t, 'query($id: ID!) { bulkDeleteJob(id: $id) { id requestedBy } }', { id: bIds.bulkDeleteJob }, { token: b.apiToken });
  return { state: state.data, job: job.data };
}

describe('A\'s operator and API token, given B\'s ids', () => {
  it('covers the id arguments the schema has', () => {
    const names = idFields().map(({ field }) => field.name).sort();
    expect(names).toEqual(expect.arrayContaining(['bulkDeleteJob', 'bulkDeleteProgress', 'revokeScimToken']));
  });

  it('over HTTP: every query and mutation with an id argument finds, leaks and changes nothing of B\'s', async () => {
    const before = await bState();
    // The same ids do name B's things for B: the refusals below are about the caller, not the ids.
    expect(before.job).toEqual({ bulkDeleteJob: { id: bIds.bulkDeleteJob, requestedBy: expect.any(String) } });
    expect(before.state?.scimTokens).toEqual([{ id: bIds.scimToken, revokedAt: null }]);
    const cookie = await signIn(t, a.email, a.password);
    for (const caller of [{ token: a.apiToken }, { cookie }] satisfies Caller[]) {
      for (const target of idFields().filter(({ kind }) => kind !== 'subscription')) {
        for (const id of Object.values(bIds)) {
          const response = await gql(t, documentFor(target), { id }, caller);
          expectRefused(target.field.name, id, response.data, response.errors);
        }
      }
    }
    expect(await bState()).toEqual(before);
  });

  it('over WebSocket: every subscription with an id argument is refused for B\'s ids', async () => {
    const { client } = socketClient(t, { authorization: `Bearer ${a.apiToken}` });
    for (const target of idFields().filter(({ kind }) => kind === 'subscription')) {
      for (const id of Object.values(bIds)) {
        const document = documentFor(target).replace('($id: ID!)', '').replace('$id', JSON.stringify(id));
        const stream = collect(client, document);
        await waitFor(() => stream.values.length > 0 || stream.failure() !== undefined, 5000, `${target.field.name}(${id})`);
        const failure = stream.failure();
        const errors = [...stream.values.flatMap((value) => value.errors ?? []), ...(Array.isArray(failure) ? (failure as GqlError[]) : [])];
        expectRefused(target.field.name, id, stream.values[0]?.data as Record<string, unknown> | undefined, errors);
        stream.stop();
      }
    }
    await client.dispose();
  });
});
