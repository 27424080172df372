import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';

/** Fields that may ship without an explicit authScopes rule. Keep this list short. */
const ALLOWED_WITHOUT_RULE = new Set(['Mutation.signIn']);

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown };
}

function objectFields(target: GraphQLSchema) {
  return Object.values(target.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) => (isObjectType(type) ? Object.values(type.getFields()).map((field) => ({ type, field })) : []));
}

/** Every field of every object type, with no rule of its own. */
export function fieldsWithoutRule(target: GraphQLSchema): string[] {
  return objectFields(target)
    .filter(({ field }) => (field.extensions as PothosExtensions).pothosOptions?.authScopes === undefined)
    .map(({ type, field }) => `${type.name}.${field.name}`)
    .filter((name) => !ALLOWED_WITHOUT_RULE.has(name));
}

/** The rules of issue 4 (DESIGN.md), written independently of the code that declares them. */
const ROOT_RULES: Record<string, unknown> = {
  'Query.viewer': { public: true },
  'Query.scimConfig': { permission: 'iam:read' },
  'Query.counts': { permission: 'iam:read' },
  'Query.recentActivity': { permission: 'iam:read' },
  'Query.directoryUsers': { permission: 'iam:read' },
  'Query.directoryUser': { permission: 'iam:read' },
  'Query.directoryGroups': { permission: 'iam:read' },
  'Query.directoryGroup': { permission: 'iam:read' },
  'Query.auditTrail': { permission: 'iam:read' },
  'Query.scimTokens': { permission: 'iam:manage' },
  'Query.bulkDeleteJob': { permission: 'iam:read' },
  'Query.activeBulkDeleteJob': { permission: 'iam:read' },
  'Mutation.signIn': { public: true },
  'Mutation.signOut': { public: true },
  'Mutation.activateScim': { permission: 'iam:manage' },
  'Mutation.deactivateScim': { permission: 'iam:manage' },
  'Mutation.createScimToken': { permission: 'iam:manage' },
  'Mutation.revokeScimToken': { permission: 'iam:manage' },
  'Mutation.rotateScimToken': { permission: 'iam:manage' },
  'Query.deprovisioningGuard': { permission: 'iam:read' },
  'Mutation.releaseDeprovisioningGuard': { permission: 'iam:manage' },
  'Mutation.updateDeprovisioningGuard': { permission: 'iam:manage' },
  'Mutation.deleteAllScimUsers': { permission: 'users:delete' },
  'Subscription.provisioningActivity': { permission: 'iam:read' },
  'Subscription.bulkDeleteProgress': { permission: 'iam:read' },
  // Issue 14 (console directory).
  'Query.scimSetup': { permission: 'iam:read' },
  'Mutation.disableEntraId': { permission: 'iam:manage' },
  'Subscription.bulkDeleteStarted': { permission: 'iam:read' },
  // Issue 15 (directory events and webhooks).
  'Query.events': { permission: 'iam:read' },
  'Query.webhookEndpoints': { permission: 'iam:manage' },
  'Query.webhookDeliveries': { permission: 'iam:manage' },
  'Mutation.createWebhookEndpoint': { permission: 'iam:manage' },
  'Mutation.updateWebhookEndpoint': { permission: 'iam:manage' },
  'Mutation.rotateWebhookSecret': { permission: 'iam:manage' },
  'Mutation.deleteWebhookEndpoint': { permission: 'iam:manage' },
  'Mutation.redeliverWebhookEvent': { permission: 'iam:manage' },
  'Mutation.sendTestWebhookEvent': { permission: 'iam:manage' },
  'Subscription.directoryEvents': { permission: 'iam:read' },
  'Query.provisioningEvent': { permission: 'iam:read' },
  'Query.activityTokens': { permission: 'iam:read' },
  'Query.deprovisioningPolicy': { anyPermission: ['iam:read', 'iam:manage', 'users:delete'] },
  'Query.deletedUsers': { permission: 'iam:read' },
  'Query.lastBulkDeleteRun': { permission: 'iam:read' },
  'Mutation.updateDeprovisioningPolicy': { permission: 'iam:manage' },
  'Mutation.restoreUsers': { anyPermission: ['iam:manage', 'users:delete'] },
  'Mutation.restoreBulkDelete': { permission: 'users:delete' },
};

describe('the schema walk', () => {
  it('finds no field without an explicit authScopes rule', () => {
    expect(fieldsWithoutRule(schema)).toEqual([]);
  });

  it('would catch a field that ships open (the walk can fail)', () => {
    const probe = new SchemaBuilder<{ AuthScopes: { public: boolean } }>({
      plugins: [ScopeAuthPlugin],
      scopeAuth: { authScopes: () => ({ public: true }) },
    });
    probe.queryType({
      fields: (t) => ({
        ruled: t.string({ authScopes: { public: true }, resolve: () => 'x' }),
        open: t.string({ resolve: () => 'x' }),
      }),
    });
    expect(fieldsWithoutRule(probe.toSchema())).toEqual(['Query.open']);
  });

  it('gives every root field the rule the issue states', () => {
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const name = `${root?.name}.${field.name}`;
        expect(ROOT_RULES, `no expected rule written down for ${name}`).toHaveProperty([name]);
        expect((field.extensions as PothosExtensions).pothosOptions?.authScopes, name).toEqual(ROOT_RULES[name]);
      }
    }
  });

  it('describes every type, field and argument (integrators read them in GraphiQL)', () => {
    const missing = objectFields(schema).flatMap(({ type, field }) => [
      ...(type.description ? [] : [type.name]),
      ...(field.description ? [] : [`${type.name}.${field.name}`]),
      ...field.args.filter((arg) => !arg.description).map((arg) => `${type.name}.${field.name}(${arg.name})`),
    ]);
    expect([...new Set(missing)]).toEqual([]);
  });
});
