import { DomainError } from '../../domain/domain-error.js';
import { builder } from '../../graphql/builder.js';
import { ScimConfigRef, readOrManage } from '../companies/scim-config.graphql.js';
import { principalSource } from '../events/event-source.js';
import { ScimToken } from './scim-token.entity.js';
import { DEFAULT_ROTATION_GRACE_DAYS, EXPIRY_WARNING_DAYS, type ScimTokenExpiry } from './scim-token-lifecycle.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is answered like an unknown one (and never reaches PostgreSQL's uuid parser). */
function tokenId(id: string | number): string {
  if (!UUID.test(String(id))) throw new DomainError('TOKEN_NOT_FOUND', 'SCIM token not found');
  return String(id);
}

const iamManage = { permission: 'iam:manage' } as const;

const ScimTokenExpiryEnum = builder.enumType('ScimTokenExpiry', {
  description: 'How long a new SCIM token works.',
  values: {
    NEVER: { description: 'Until revoked.' },
    DAYS_90: { description: '90 days from creation.' },
    YEAR_1: { description: '365 days from creation.' },
  } as const satisfies Record<ScimTokenExpiry, object>,
});

export const ScimTokenRef = builder.objectRef<ScimToken>('ScimToken');
ScimTokenRef.implement({
  description: 'A bearer token an IdP uses on the SCIM endpoints. One per IdP, so moving between IdPs is a matter of labels.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Token id (pass to revokeScimToken).', authScopes: iamManage }),
    label: t.exposeString('label', { description: 'What the token is for, e.g. "Okta production".', authScopes: iamManage }),
    prefix: t.exposeString('prefix', {
      description: 'The first characters of the secret (roster_scim_…), to recognise it in the IdP. The secret itself is never shown again.',
      authScopes: iamManage,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was created.', authScopes: iamManage, resolve: (r) => r.createdAt }),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description: 'Who created it (operator email, API token label or "cli").',
      authScopes: iamManage,
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When an IdP last authenticated with it (to the minute); null if never.',
      authScopes: iamManage,
      resolve: (r) => r.lastUsedAt ?? null,
    }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; a revoked token is refused at once. Null while valid.',
      authScopes: iamManage,
      resolve: (r) => r.revokedAt ?? null,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stops working (401, "expired"); after a rotation, the end of the grace period. Null: never.',
      authScopes: iamManage,
      resolve: (r) => r.expiresAt ?? null,
    }),
    expired: t.boolean({
      description: 'True once expiresAt has passed.',
      authScopes: iamManage,
      resolve: (r) => Boolean(r.expiresAt && r.expiresAt <= new Date()),
    }),
    rotatedFrom: t.field({
      type: ScimTokenRef,
      nullable: true,
      description: 'The token this one replaced by rotation.',
      authScopes: iamManage,
      resolve: (r, _args, ctx) => (r.rotatedFrom ? ctx.services.em.findOne(ScimToken, { company: r.company.id, id: r.rotatedFrom.id }) : null),
    }),
    replacedBy: t.field({
      type: ScimTokenRef,
      nullable: true,
      description: 'The successor a rotation created; while this token still works, revoke it once the IdP uses the successor.',
      authScopes: iamManage,
      resolve: (r, _args, ctx) => ctx.services.tokens.successorOf(r.company.id, r.id),
    }),
  }),
});

const CreatedScimTokenRef = builder.objectRef<{ token: ScimToken; secret: string }>('CreatedScimToken').implement({
  description: 'A new SCIM token and its secret. The secret is shown this once; only a hash is stored.',
  fields: (t) => ({
    token: t.field({ type: ScimTokenRef, description: 'The stored token.', authScopes: iamManage, resolve: (r) => r.token }),
    secret: t.exposeString('secret', {
      description: 'The bearer secret to paste into the IdP (roster_scim_…, 256 random bits). Not retrievable later.',
      authScopes: iamManage,
    }),
  }),
});

builder.queryField('scimTokens', (t) =>
  t.withAuth(iamManage).field({
    type: [ScimTokenRef],
    nullable: true,
    description: 'The company\'s SCIM tokens, newest first, revoked ones included. Needs iam:manage (null with a FORBIDDEN error otherwise).',
    resolve: (_root, _args, ctx) => ctx.services.tokens.listScimTokens(ctx.principal.companyId),
  }),
);

builder.mutationField('createScimToken', (t) =>
  t.withAuth(iamManage).field({
    type: CreatedScimTokenRef,
    description: 'Creates a SCIM token with a label (1–100 characters), valid for `expiresIn` (default NEVER). Needs iam:manage; recorded in the audit trail.',
    args: {
      label: t.arg.string({ required: true, description: 'What the token is for, e.g. the IdP\'s name.' }),
      expiresIn: t.arg({ type: ScimTokenExpiryEnum, required: false, description: 'How long it works (default NEVER).' }),
    },
    resolve: (_root, { label, expiresIn }, ctx) =>
      ctx.services.tokens.createScimToken(ctx.principal.companyId, label, ctx.principal.name, expiresIn ?? 'NEVER', principalSource(ctx.principal)),
  }),
);

builder.mutationField('rotateScimToken', (t) =>
  t.withAuth(iamManage).field({
    type: CreatedScimTokenRef,
    description: `Creates a successor with the same label and lifetime; the old token keeps working for graceDays (default ${DEFAULT_ROTATION_GRACE_DAYS}, 0–90) or until revoked. CONFLICT for a revoked, expired or already rotated token. Needs iam:manage; recorded in the audit trail.`,
    args: {
      id: t.arg.id({ required: true, description: 'The token to replace.' }),
      graceDays: t.arg.int({ required: false, description: `Days the old token keeps working (default ${DEFAULT_ROTATION_GRACE_DAYS}).` }),
    },
    resolve: (_root, { id, graceDays }, ctx) =>
      ctx.services.tokens.rotateScimToken(ctx.principal.companyId, tokenId(id), graceDays ?? DEFAULT_ROTATION_GRACE_DAYS, ctx.principal.name, principalSource(ctx.principal)),
  }),
);

const ExpiryWarningRef = builder.objectRef<ScimToken>('ScimTokenExpiryWarning').implement({
  description: `A SCIM token that expires within ${EXPIRY_WARNING_DAYS} days (or has expired) and has not been revoked or replaced by rotation.`,
  fields: (t) => ({
    tokenId: t.exposeID('id', { description: 'The token\'s id.', authScopes: readOrManage }),
    label: t.exposeString('label', { description: 'The token\'s label (the IdP).', authScopes: readOrManage }),
    prefix: t.exposeString('prefix', { description: 'The first characters of its secret.', authScopes: readOrManage }),
    expiresAt: t.field({ type: 'DateTime', description: 'When it stops (or stopped) working.', authScopes: readOrManage, resolve: (r) => r.expiresAt! }),
    expired: t.boolean({ description: 'True once it has expired.', authScopes: readOrManage, resolve: (r) => r.expiresAt! <= new Date() }),
  }),
});

builder.objectFields(ScimConfigRef, (t) => ({
  tokenExpiryWarnings: t.field({
    type: [ExpiryWarningRef],
    description: `SCIM tokens that expire within ${EXPIRY_WARNING_DAYS} days or have expired, soonest first; rotate them (or revoke an expired one) to clear the warning.`,
    authScopes: readOrManage,
    resolve: (_config, _args, ctx) => (ctx.principal ? ctx.services.tokens.expiringScimTokens(ctx.principal.companyId) : []),
  }),
}));

builder.mutationField('revokeScimToken', (t) =>
  t.withAuth(iamManage).field({
    type: ScimTokenRef,
    description: 'Revokes a SCIM token; the SCIM endpoints refuse it from the next request. Idempotent. NOT_FOUND for an unknown id. Needs iam:manage.',
    args: { id: t.arg.id({ required: true, description: 'The token\'s id.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.tokens.revokeScimToken(ctx.principal.companyId, tokenId(id), ctx.principal.name, principalSource(ctx.principal)),
  }),
);
