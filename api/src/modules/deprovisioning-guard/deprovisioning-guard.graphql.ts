import { builder } from '../../graphql/builder.js';
import { readOrManage } from '../companies/scim-config.graphql.js';
import { principalSource } from '../events/event-source.js';
import { DEFAULT_RELEASE_MINUTES } from './deprovisioning-guard.service.js';
import type { GuardView, HeldBackByToken, RefusedRequest } from './deprovisioning-guard.view.js';
import type { GuardSettings, GuardState } from './guard-rules.js';

const iamManage = { permission: 'iam:manage' } as const;

const GuardStateEnum = builder.enumType('DeprovisioningGuardState', {
  description: 'Whether SCIM deactivations and user deletions are being accepted.',
  values: {
    ARMED: { description: 'Accepted and counted; the guard trips when the window\'s count exceeds the threshold.' },
    TRIPPED: { description: 'Refused with 503 until an operator releases the guard; creates, updates and reads go on.' },
    RELEASED: { description: 'Accepted without counting until releasedUntil; then the guard is armed again with an empty window.' },
  } as const satisfies Record<GuardState, object>,
});

const GuardSettingsRef = builder.objectRef<GuardSettings>('DeprovisioningGuardSettings').implement({
  description: 'When the guard trips: more than thresholdPercent of the SCIM users and at least thresholdMinimum users deactivated or deleted within windowMinutes.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Off: deactivations and deletions are neither counted nor refused.', authScopes: readOrManage }),
    thresholdPercent: t.exposeInt('thresholdPercent', { description: 'Share of the company\'s SCIM users, 1–100 (default 10).', authScopes: readOrManage }),
    thresholdMinimum: t.exposeInt('thresholdMinimum', { description: 'Fewest users that can trip it (default 25).', authScopes: readOrManage }),
    windowMinutes: t.exposeInt('windowMinutes', { description: 'Length of the sliding window in minutes, 1–10080 (default 60).', authScopes: readOrManage }),
  }),
});

const HeldBackByTokenRef = builder.objectRef<HeldBackByToken>('DeprovisioningHeldBackByToken').implement({
  description: 'How many refused operations came with one SCIM token since the guard tripped.',
  fields: (t) => ({
    tokenId: t.exposeID('tokenId', { nullable: true, description: 'The SCIM token\'s id.', authScopes: readOrManage }),
    tokenLabel: t.exposeString('tokenLabel', { nullable: true, description: 'The SCIM token\'s label (the IdP).', authScopes: readOrManage }),
    count: t.exposeInt('count', { description: 'Refused deactivations and deletions.', authScopes: readOrManage }),
  }),
});

const RefusedRequestRef = builder.objectRef<RefusedRequest>('DeprovisioningRefusal').implement({
  description: 'A deactivation or deletion the guard refused; it was not applied and will not be.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Refusal id.', authScopes: readOrManage }),
    occurredAt: t.field({ type: 'DateTime', description: 'When.', authScopes: readOrManage, resolve: (r) => r.occurredAt }),
    operation: t.exposeString('operation', { description: '"Deactivate User" or "Delete User".', authScopes: readOrManage }),
    resourceId: t.exposeString('resourceId', { nullable: true, description: 'The user\'s SCIM id.', authScopes: readOrManage }),
    tokenLabel: t.exposeString('tokenLabel', { nullable: true, description: 'The SCIM token it came with.', authScopes: readOrManage }),
    activityId: t.exposeID('activityId', {
      nullable: true,
      description: 'The request\'s provisioning event (recent activity), matched by user, token and time; null until it is written or once pruned.',
      authScopes: readOrManage,
    }),
  }),
});

const GuardRef = builder.objectRef<GuardView>('DeprovisioningGuard').implement({
  description: 'The company\'s mass-deprovisioning guard: it refuses SCIM deactivations and user deletions once too many arrive in a short time.',
  fields: (t) => ({
    state: t.field({ type: GuardStateEnum, description: 'ARMED, TRIPPED or RELEASED.', authScopes: readOrManage, resolve: (g) => g.state }),
    settings: t.field({ type: GuardSettingsRef, description: 'Threshold and window.', authScopes: readOrManage, resolve: (g) => g.settings }),
    trippedAt: t.field({ type: 'DateTime', nullable: true, description: 'Since when it has been TRIPPED; null otherwise.', authScopes: readOrManage, resolve: (g) => g.trippedAt }),
    trippedByTokenLabel: t.exposeString('trippedByTokenLabel', {
      nullable: true, description: 'The SCIM token whose request tripped it.', authScopes: readOrManage,
    }),
    releasedUntil: t.field({ type: 'DateTime', nullable: true, description: 'End of the release while RELEASED.', authScopes: readOrManage, resolve: (g) => g.releasedUntil }),
    heldBack: t.exposeInt('heldBack', { description: 'Operations refused since it tripped (0 unless TRIPPED).', authScopes: readOrManage }),
    heldBackByToken: t.field({ type: [HeldBackByTokenRef], description: 'heldBack per SCIM token.', authScopes: readOrManage, resolve: (g) => g.heldBackByToken }),
    appliedInWindow: t.exposeInt('appliedInWindow', {
      description: 'Deactivations and deletions counted in the current window.', authScopes: readOrManage,
    }),
    admittedPerWindow: t.exposeInt('admittedPerWindow', {
      description: 'How many the window admits at the directory\'s current size before the guard trips.', authScopes: readOrManage,
    }),
    lastRefused: t.field({ type: [RefusedRequestRef], description: 'The ten newest refusals, newest first.', authScopes: readOrManage, resolve: (g) => g.lastRefused }),
    viewerCanManage: t.boolean({
      description: 'True when the caller holds iam:manage (release, change the threshold).',
      authScopes: readOrManage,
      resolve: (_g, _args, ctx) => ctx.principal?.permissions.includes('iam:manage') ?? false,
    }),
  }),
});

builder.queryField('deprovisioningGuard', (t) =>
  t.withAuth({ permission: 'iam:read' }).field({
    type: GuardRef,
    nullable: true,
    description: 'The mass-deprovisioning guard. Needs iam:read (null with a FORBIDDEN error otherwise).',
    resolve: (_root, _args, ctx) => ctx.services.deprovisioningGuard.view(ctx.principal.companyId),
  }),
);

builder.mutationField('releaseDeprovisioningGuard', (t) =>
  t.withAuth(iamManage).field({
    type: GuardRef,
    description: 'Accepts SCIM deactivations and deletions again for `minutes` (default 60, at most 10080) so the IdP\'s retries go through; refused requests are not replayed. Needs iam:manage; recorded in the audit trail.',
    args: { minutes: t.arg.int({ required: false, description: 'How long, in minutes (default 60).' }) },
    resolve: (_root, { minutes }, ctx) =>
      ctx.services.deprovisioningGuard.release(ctx.principal.companyId, minutes ?? DEFAULT_RELEASE_MINUTES, ctx.principal.name, principalSource(ctx.principal)),
  }),
);

builder.mutationField('updateDeprovisioningGuard', (t) =>
  t.withAuth(iamManage).field({
    type: GuardRef,
    description: 'Changes the guard\'s settings; omitted arguments keep theirs. A TRIPPED guard stays tripped until released. Needs iam:manage; recorded in the audit trail.',
    args: {
      enabled: t.arg.boolean({ required: false, description: 'On or off.' }),
      thresholdPercent: t.arg.int({ required: false, description: 'Share of SCIM users, 1–100.' }),
      thresholdMinimum: t.arg.int({ required: false, description: 'Fewest users that can trip it, at least 1.' }),
      windowMinutes: t.arg.int({ required: false, description: 'Window length, 1–10080 minutes.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.services.deprovisioningGuard.update(ctx.principal.companyId, {
        enabled: args.enabled ?? undefined,
        thresholdPercent: args.thresholdPercent ?? undefined,
        thresholdMinimum: args.thresholdMinimum ?? undefined,
        windowMinutes: args.windowMinutes ?? undefined,
      }, ctx.principal.name, principalSource(ctx.principal)),
  }),
);
