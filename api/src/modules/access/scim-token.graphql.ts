import { DomainError } from '../../domain/domain-error.js';
import { builder } from '../../graphql/builder.js';
import type { ScimToken } from './scim-token.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is answered like an unknown one (and never reaches PostgreSQL's uuid parser). */
function tokenId(id: string | number): string {
  if (!UUID.test(String(id))) throw new DomainError('TOKEN_NOT_FOUND', 'SCIM token not found');
  return String(id);
}

const iamManage = { permission: 'iam:manage' } as const;

const ScimTokenRef = builder.objectRef<ScimToken>('ScimToken').implement({
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
    description: 'Creates a SCIM token with a label (1–100 characters). Needs iam:manage; recorded in the audit trail.',
    args: { label: t.arg.string({ required: true, description: 'What the token is for, e.g. the IdP\'s name.' }) },
    resolve: (_root, { label }, ctx) => ctx.services.tokens.createScimToken(ctx.principal.companyId, label, ctx.principal.name),
  }),
);

builder.mutationField('revokeScimToken', (t) =>
  t.withAuth(iamManage).field({
    type: ScimTokenRef,
    description: 'Revokes a SCIM token; the SCIM endpoints refuse it from the next request. Idempotent. NOT_FOUND for an unknown id. Needs iam:manage.',
    args: { id: t.arg.id({ required: true, description: 'The token\'s id.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.tokens.revokeScimToken(ctx.principal.companyId, tokenId(id), ctx.principal.name),
  }),
);
