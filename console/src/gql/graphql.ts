/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** QUEUED (waiting for a replica), RUNNING, SUCCEEDED or FAILED. */
export type BulkDeleteStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** What a SCIM DELETE of a user, and Delete All Users, does. */
export type DeprovisioningPolicyKind =
  /** The user is deleted for good; it cannot be undone. */
  | 'HARD_DELETE'
  /** The user leaves SCIM at once (404, its userName free) but can be restored until the retention ends. */
  | 'SOFT_DELETE';

/** What a principal may do: IAM_READ (iam:read), IAM_MANAGE (iam:manage), USERS_DELETE (users:delete). */
export type Permission =
  | 'IAM_MANAGE'
  | 'IAM_READ'
  | 'USERS_DELETE';

/** Whether SCIM can be used by this company at all. */
export type ScimAvailability =
  /** SCIM can be used; the endpoints are shown. */
  | 'AVAILABLE'
  /** The company uses the native Entra ID integration; turn it off to use SCIM. */
  | 'ENTRA_ID_CONFLICT'
  /** Switched off for the whole deployment (SCIM_ENABLED=false). */
  | 'PLATFORM_DISABLED';

/** ACTIVE accepts inbound SCIM requests; INACTIVE refuses them (403) and changes no data. */
export type ScimStatus =
  /** Inbound SCIM requests are accepted. */
  | 'ACTIVE'
  /** Inbound SCIM requests are refused with a SCIM error (403); data is kept. */
  | 'INACTIVE';

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { viewer: (
    { id: string, permissions: Array<Permission> }
    & { ' $fragmentRefs'?: { 'AppShell_ViewerFragment': AppShell_ViewerFragment } }
  ) | null };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { id: string, permissions: Array<Permission> } };

export type CreateScimTokenMutationVariables = Exact<{
  label: string;
}>;


export type CreateScimTokenMutation = { createScimToken: { secret: string, token: { id: string, label: string } } };

export type RevokeScimTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeScimTokenMutation = { revokeScimToken: { id: string, revokedAt: string | null } };

export type SamlOauthScreenQueryVariables = Exact<{
  canManage: boolean;
}>;


export type SamlOauthScreenQuery = { scimConfig: (
    { viewerCanManage: boolean }
    & { ' $fragmentRefs'?: { 'ScimActivationCard_ScimConfigFragment': ScimActivationCard_ScimConfigFragment } }
  ) | null, scimTokens?: Array<{ ' $fragmentRefs'?: { 'ScimTokensCard_ScimTokenFragment': ScimTokensCard_ScimTokenFragment } }> | null };

export type ScimActivationCard_ScimConfigFragment = { availability: ScimAvailability, status: ScimStatus, viewerCanManage: boolean } & { ' $fragmentName'?: 'ScimActivationCard_ScimConfigFragment' };

export type ActivateScimMutationVariables = Exact<{ [key: string]: never; }>;


export type ActivateScimMutation = { activateScim: { ' $fragmentRefs'?: { 'ScimActivationCard_ScimConfigFragment': ScimActivationCard_ScimConfigFragment } } };

export type DeactivateScimFromSamlOauthMutationVariables = Exact<{ [key: string]: never; }>;


export type DeactivateScimFromSamlOauthMutation = { deactivateScim: { ' $fragmentRefs'?: { 'ScimActivationCard_ScimConfigFragment': ScimActivationCard_ScimConfigFragment } } };

export type ScimTokensCard_ScimTokenFragment = { id: string, label: string, prefix: string, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null } & { ' $fragmentName'?: 'ScimTokensCard_ScimTokenFragment' };

export type ConfigurationCard_ScimConfigFragment = { status: ScimStatus, viewerCanManage: boolean, viewerCanDeleteAllScimUsers: boolean } & { ' $fragmentName'?: 'ConfigurationCard_ScimConfigFragment' };

export type ConfigurationCard_ScimCountsFragment = { users: number, groups: number } & { ' $fragmentName'?: 'ConfigurationCard_ScimCountsFragment' };

export type DeleteAllPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type DeleteAllPolicyQuery = { deprovisioningPolicy: { policy: DeprovisioningPolicyKind, retentionDays: number } };

export type DeactivateScimMutationVariables = Exact<{ [key: string]: never; }>;


export type DeactivateScimMutation = { deactivateScim: { ' $fragmentRefs'?: { 'ConfigurationCard_ScimConfigFragment': ConfigurationCard_ScimConfigFragment } } };

export type DeletedUsersPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type DeletedUsersPageQuery = { deletedUsers: { nodes: Array<{ id: string, userName: string, displayName: string | null, deletedAt: string, restorableUntil: string, bulkDeleteJobId: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DeletedUsersLastRunQueryVariables = Exact<{ [key: string]: never; }>;


export type DeletedUsersLastRunQuery = { lastBulkDeleteRun: { id: string, status: BulkDeleteStatus, deleted: number, restorable: boolean, finishedAt: string | null } | null };

export type RestoreUsersMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type RestoreUsersMutation = { restoreUsers: { restoredIds: Array<string>, userNameTakenIds: Array<string> } };

export type RestoreBulkDeleteMutationVariables = Exact<{
  jobId: string | number;
}>;


export type RestoreBulkDeleteMutation = { restoreBulkDelete: { id: string, status: BulkDeleteStatus, total: number, deleted: number } };

export type RestoreProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type RestoreProgressSubscription = { bulkDeleteProgress: { id: string, status: BulkDeleteStatus, total: number, deleted: number } };

export type EndpointRows_ScimConfigFragment = { baseUrl: string | null, usersEndpoint: string | null, groupsEndpoint: string | null } & { ' $fragmentName'?: 'EndpointRows_ScimConfigFragment' };

export type RecentActivity_ConnectionFragment = { edges: Array<{ cursor: string, node: { id: string, occurredAt: string, tokenLabel: string | null, userAgent: string | null, method: string, operation: string, resourceType: string | null, resourceId: string | null, status: number, succeeded: boolean, throttled: boolean, scimType: string | null, message: string | null, durationMs: number } }>, pageInfo: { hasNextPage: boolean } } & { ' $fragmentName'?: 'RecentActivity_ConnectionFragment' };

export type RecentActivity_LastRequestFragment = { edges: Array<{ node: { id: string, occurredAt: string, tokenLabel: string | null } }> } & { ' $fragmentName'?: 'RecentActivity_LastRequestFragment' };

export type ScimOverviewScreenQueryVariables = Exact<{
  first: number;
  failuresOnly: boolean;
}>;


export type ScimOverviewScreenQuery = { scimConfig: (
    { availability: ScimAvailability }
    & { ' $fragmentRefs'?: { 'ConfigurationCard_ScimConfigFragment': ConfigurationCard_ScimConfigFragment;'EndpointRows_ScimConfigFragment': EndpointRows_ScimConfigFragment;'ThrottledNotice_ScimConfigFragment': ThrottledNotice_ScimConfigFragment } }
  ) | null, counts: { ' $fragmentRefs'?: { 'ConfigurationCard_ScimCountsFragment': ConfigurationCard_ScimCountsFragment } } | null, activeBulkDeleteJob: { ' $fragmentRefs'?: { 'DeleteAll_BulkDeleteJobFragment': DeleteAll_BulkDeleteJobFragment } } | null, recentActivity: { ' $fragmentRefs'?: { 'RecentActivity_ConnectionFragment': RecentActivity_ConnectionFragment } } | null, lastRequest: { ' $fragmentRefs'?: { 'RecentActivity_LastRequestFragment': RecentActivity_LastRequestFragment } } | null };

export type ScimOverviewActivitySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ScimOverviewActivitySubscription = { provisioningActivity: { id: string } };

export type ThrottledNotice_ScimConfigFragment = { throttledLastHour: number, rateLimit: { perSecond: number, burst: number } } & { ' $fragmentName'?: 'ThrottledNotice_ScimConfigFragment' };

export type DeleteAll_BulkDeleteJobFragment = { id: string, status: BulkDeleteStatus, total: number, deleted: number } & { ' $fragmentName'?: 'DeleteAll_BulkDeleteJobFragment' };

export type DeleteAllScimUsersMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteAllScimUsersMutation = { deleteAllScimUsers: { id: string, status: BulkDeleteStatus, total: number, deleted: number } };

export type BulkDeleteProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type BulkDeleteProgressSubscription = { bulkDeleteProgress: { id: string, status: BulkDeleteStatus, total: number, deleted: number } };

export type BulkDeleteJobPollQueryVariables = Exact<{
  id: string | number;
}>;


export type BulkDeleteJobPollQuery = { bulkDeleteJob: { id: string, status: BulkDeleteStatus, total: number, deleted: number } | null };

export type AppShell_ViewerFragment = (
  { email: string, permissions: Array<Permission>, company: { id: string, name: string } }
  & { ' $fragmentRefs'?: { 'SidebarNav_ViewerFragment': SidebarNav_ViewerFragment } }
) & { ' $fragmentName'?: 'AppShell_ViewerFragment' };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SidebarNav_ViewerFragment = { permissions: Array<Permission> } & { ' $fragmentName'?: 'SidebarNav_ViewerFragment' };

export const ScimActivationCard_ScimConfigFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<ScimActivationCard_ScimConfigFragment, unknown>;
export const ScimTokensCard_ScimTokenFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScimTokensCard_ScimToken"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<ScimTokensCard_ScimTokenFragment, unknown>;
export const ConfigurationCard_ScimConfigFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigurationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeleteAllScimUsers"}}]}}]} as unknown as DocumentNode<ConfigurationCard_ScimConfigFragment, unknown>;
export const ConfigurationCard_ScimCountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigurationCard_ScimCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}}]} as unknown as DocumentNode<ConfigurationCard_ScimCountsFragment, unknown>;
export const EndpointRows_ScimConfigFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointRows_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"usersEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"groupsEndpoint"}}]}}]} as unknown as DocumentNode<EndpointRows_ScimConfigFragment, unknown>;
export const RecentActivity_ConnectionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecentActivity_Connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisioningEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLabel"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"throttled"}},{"kind":"Field","name":{"kind":"Name","value":"scimType"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode<RecentActivity_ConnectionFragment, unknown>;
export const RecentActivity_LastRequestFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecentActivity_LastRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisioningEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLabel"}}]}}]}}]}}]} as unknown as DocumentNode<RecentActivity_LastRequestFragment, unknown>;
export const ThrottledNotice_ScimConfigFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThrottledNotice_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"throttledLastHour"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perSecond"}},{"kind":"Field","name":{"kind":"Name","value":"burst"}}]}}]}}]} as unknown as DocumentNode<ThrottledNotice_ScimConfigFragment, unknown>;
export const DeleteAll_BulkDeleteJobFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeleteAll_BulkDeleteJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkDeleteJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]} as unknown as DocumentNode<DeleteAll_BulkDeleteJobFragment, unknown>;
export const SidebarNav_ViewerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SidebarNav_Viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]} as unknown as DocumentNode<SidebarNav_ViewerFragment, unknown>;
export const AppShell_ViewerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppShell_Viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SidebarNav_Viewer"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SidebarNav_Viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]} as unknown as DocumentNode<AppShell_ViewerFragment, unknown>;
export const ConsoleViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppShell_Viewer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SidebarNav_Viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppShell_Viewer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SidebarNav_Viewer"}}]}}]} as unknown as DocumentNode<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const CreateScimTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateScimToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createScimToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<CreateScimTokenMutation, CreateScimTokenMutationVariables>;
export const RevokeScimTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeScimToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeScimToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeScimTokenMutation, RevokeScimTokenMutationVariables>;
export const SamlOauthScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SamlOauthScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scimConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scimTokens"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScimTokensCard_ScimToken"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScimTokensCard_ScimToken"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<SamlOauthScreenQuery, SamlOauthScreenQueryVariables>;
export const ActivateScimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateScim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateScim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<ActivateScimMutation, ActivateScimMutationVariables>;
export const DeactivateScimFromSamlOauthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateScimFromSamlOauth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateScim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScimActivationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<DeactivateScimFromSamlOauthMutation, DeactivateScimFromSamlOauthMutationVariables>;
export const DeleteAllPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeleteAllPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deprovisioningPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"}},{"kind":"Field","name":{"kind":"Name","value":"retentionDays"}}]}}]}}]} as unknown as DocumentNode<DeleteAllPolicyQuery, DeleteAllPolicyQueryVariables>;
export const DeactivateScimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateScim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateScim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigurationCard_ScimConfig"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigurationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeleteAllScimUsers"}}]}}]} as unknown as DocumentNode<DeactivateScimMutation, DeactivateScimMutationVariables>;
export const DeletedUsersPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeletedUsersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"restorableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"bulkDeleteJobId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DeletedUsersPageQuery, DeletedUsersPageQueryVariables>;
export const DeletedUsersLastRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeletedUsersLastRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastBulkDeleteRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"restorable"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<DeletedUsersLastRunQuery, DeletedUsersLastRunQueryVariables>;
export const RestoreUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoredIds"}},{"kind":"Field","name":{"kind":"Name","value":"userNameTakenIds"}}]}}]}}]} as unknown as DocumentNode<RestoreUsersMutation, RestoreUsersMutationVariables>;
export const RestoreBulkDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreBulkDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreBulkDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<RestoreBulkDeleteMutation, RestoreBulkDeleteMutationVariables>;
export const RestoreProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RestoreProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkDeleteProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<RestoreProgressSubscription, RestoreProgressSubscriptionVariables>;
export const ScimOverviewScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScimOverviewScreen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"failuresOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scimConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigurationCard_ScimConfig"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"EndpointRows_ScimConfig"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThrottledNotice_ScimConfig"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConfigurationCard_ScimCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeBulkDeleteJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeleteAll_BulkDeleteJob"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"failuresOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"failuresOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecentActivity_Connection"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"lastRequest"},"name":{"kind":"Name","value":"recentActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecentActivity_LastRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigurationCard_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDeleteAllScimUsers"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EndpointRows_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"usersEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"groupsEndpoint"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThrottledNotice_ScimConfig"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"throttledLastHour"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perSecond"}},{"kind":"Field","name":{"kind":"Name","value":"burst"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConfigurationCard_ScimCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScimCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeleteAll_BulkDeleteJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkDeleteJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecentActivity_Connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisioningEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLabel"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"throttled"}},{"kind":"Field","name":{"kind":"Name","value":"scimType"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecentActivity_LastRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisioningEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLabel"}}]}}]}}]}}]} as unknown as DocumentNode<ScimOverviewScreenQuery, ScimOverviewScreenQueryVariables>;
export const ScimOverviewActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScimOverviewActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisioningActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScimOverviewActivitySubscription, ScimOverviewActivitySubscriptionVariables>;
export const DeleteAllScimUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAllScimUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAllScimUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<DeleteAllScimUsersMutation, DeleteAllScimUsersMutationVariables>;
export const BulkDeleteProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BulkDeleteProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkDeleteProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<BulkDeleteProgressSubscription, BulkDeleteProgressSubscriptionVariables>;
export const BulkDeleteJobPollDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkDeleteJobPoll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkDeleteJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<BulkDeleteJobPollQuery, BulkDeleteJobPollQueryVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;