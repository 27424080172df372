/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      permissions\n      ...AppShell_Viewer\n    }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  query GroupDetail($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      displayName\n      externalId\n      memberCount\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n": typeof types.GroupDetailDocument,
    "\n  query GroupMembers($id: ID!, $first: Int!, $after: String) {\n    directoryGroup(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            display\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  query GroupsTab($search: String, $first: Int!, $after: String) {\n    directoryGroups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          externalId\n          memberCount\n          source\n          createdByToken\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.GroupsTabDocument,
    "\n  fragment ResourceActivity_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        operation\n        method\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n": typeof types.ResourceActivity_ConnectionFragmentDoc,
    "\n  query UserDetail($id: ID!) {\n    directoryUser(id: $id) {\n      id\n      userName\n      displayName\n      name {\n        formatted\n        givenName\n        familyName\n      }\n      emails {\n        value\n        type\n        primary\n      }\n      active\n      externalId\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n": typeof types.UserDetailDocument,
    "\n  query UserGroups($id: ID!, $first: Int!, $after: String) {\n    directoryUser(id: $id) {\n      id\n      groups(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            displayName\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.UserGroupsDocument,
    "\n  query UsersTab($search: String, $active: Boolean, $first: Int!, $after: String) {\n    directoryUsers(search: $search, active: $active, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          userName\n          displayName\n          active\n          source\n          createdByToken\n          emails {\n            value\n            primary\n          }\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersTabDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      permissions\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CreateScimToken($label: String!, $expiresIn: ScimTokenExpiry) {\n    createScimToken(label: $label, expiresIn: $expiresIn) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n": typeof types.CreateScimTokenDocument,
    "\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeScimTokenDocument,
    "\n  query SamlOauthScreen($canManage: Boolean!) {\n    scimConfig {\n      viewerCanManage\n      ...ScimActivationCard_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    scimTokens @include(if: $canManage) {\n      ...ScimTokensCard_ScimToken\n    }\n  }\n": typeof types.SamlOauthScreenDocument,
    "\n  fragment ScimActivationCard_ScimConfig on ScimConfig {\n    availability\n    status\n    viewerCanManage\n  }\n": typeof types.ScimActivationCard_ScimConfigFragmentDoc,
    "\n  mutation ActivateScim {\n    activateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n": typeof types.ActivateScimDocument,
    "\n  mutation DeactivateScimFromSamlOauth {\n    deactivateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n": typeof types.DeactivateScimFromSamlOauthDocument,
    "\n  mutation DisableEntraId {\n    disableEntraId {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n": typeof types.DisableEntraIdDocument,
    "\n  fragment ScimTokensCard_ScimToken on ScimToken {\n    id\n    label\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n    expiresAt\n    expired\n    replacedBy {\n      id\n      prefix\n      lastUsedAt\n    }\n  }\n": typeof types.ScimTokensCard_ScimTokenFragmentDoc,
    "\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n": typeof types.RotateScimTokenDocument,
    "\n  fragment TokenExpiryNotice_ScimConfig on ScimConfig {\n    tokenExpiryWarnings {\n      tokenId\n      label\n      prefix\n      expiresAt\n      expired\n    }\n  }\n": typeof types.TokenExpiryNotice_ScimConfigFragmentDoc,
    "\n  query ActivityDetailScreen($id: ID!) {\n    provisioningEvent(id: $id) {\n      id\n      occurredAt\n      method\n      path\n      operation\n      status\n      succeeded\n      throttled\n      scimType\n      message\n      durationMs\n      userAgent\n      tokenLabel\n      resourceType\n      resourceId\n      resourceName\n      changedAttributes\n    }\n  }\n": typeof types.ActivityDetailScreenDocument,
    "\n  fragment ActivityList_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n": typeof types.ActivityList_ConnectionFragmentDoc,
    "\n  query ActivityScreen(\n    $first: Int!, $after: String, $failuresOnly: Boolean, $status: [Int!], $operation: String, $tokenId: ID,\n    $resourceId: ID, $since: DateTime, $until: DateTime\n  ) {\n    recentActivity(\n      first: $first, after: $after, failuresOnly: $failuresOnly, status: $status, operation: $operation,\n      tokenId: $tokenId, resourceId: $resourceId, since: $since, until: $until\n    ) {\n      ...ActivityList_Connection\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    activityTokens {\n      id\n      label\n      revoked\n    }\n  }\n": typeof types.ActivityScreenDocument,
    "\n  query AuditScreen($first: Int!, $after: String, $action: String, $actor: String, $since: DateTime, $until: DateTime) {\n    auditTrail(first: $first, after: $after, action: $action, actor: $actor, since: $since, until: $until) {\n      edges {\n        node {\n          id\n          occurredAt\n          actor\n          action\n          detail\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditScreenDocument,
    "\n  fragment ConfigurationCard_ScimConfig on ScimConfig {\n    status\n    viewerCanManage\n    viewerCanDeleteAllScimUsers\n  }\n": typeof types.ConfigurationCard_ScimConfigFragmentDoc,
    "\n  fragment ConfigurationCard_ScimCounts on ScimCounts {\n    users\n    groups\n  }\n": typeof types.ConfigurationCard_ScimCountsFragmentDoc,
    "\n  query DeleteAllPolicy {\n    deprovisioningPolicy {\n      policy\n      retentionDays\n    }\n  }\n": typeof types.DeleteAllPolicyDocument,
    "\n  mutation DeactivateScim {\n    deactivateScim {\n      ...ConfigurationCard_ScimConfig\n    }\n  }\n": typeof types.DeactivateScimDocument,
    "\n  query DeletedUsersPage($first: Int!, $after: String, $search: String) {\n    deletedUsers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        userName\n        displayName\n        deletedAt\n        restorableUntil\n        bulkDeleteJobId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DeletedUsersPageDocument,
    "\n  query DeletedUsersLastRun {\n    lastBulkDeleteRun {\n      id\n      status\n      deleted\n      restorable\n      finishedAt\n    }\n  }\n": typeof types.DeletedUsersLastRunDocument,
    "\n  mutation RestoreUsers($ids: [ID!]!) {\n    restoreUsers(ids: $ids) {\n      restoredIds\n      userNameTakenIds\n    }\n  }\n": typeof types.RestoreUsersDocument,
    "\n  mutation RestoreBulkDelete($jobId: ID!) {\n    restoreBulkDelete(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": typeof types.RestoreBulkDeleteDocument,
    "\n  subscription RestoreProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": typeof types.RestoreProgressDocument,
    "\n  fragment GuardPanel_DeprovisioningGuard on DeprovisioningGuard {\n    state\n    trippedAt\n    trippedByTokenLabel\n    heldBack\n    heldBackByToken {\n      tokenLabel\n      count\n    }\n    lastRefused {\n      id\n      occurredAt\n      operation\n      resourceId\n      activityId\n    }\n    settings {\n      thresholdPercent\n      thresholdMinimum\n      windowMinutes\n    }\n    viewerCanManage\n  }\n": typeof types.GuardPanel_DeprovisioningGuardFragmentDoc,
    "\n  mutation ReleaseDeprovisioningGuard($minutes: Int) {\n    releaseDeprovisioningGuard(minutes: $minutes) {\n      state\n      releasedUntil\n    }\n  }\n": typeof types.ReleaseDeprovisioningGuardDocument,
    "\n  mutation UpdateDeprovisioningGuard($thresholdPercent: Int, $thresholdMinimum: Int) {\n    updateDeprovisioningGuard(thresholdPercent: $thresholdPercent, thresholdMinimum: $thresholdMinimum) {\n      settings {\n        thresholdPercent\n        thresholdMinimum\n      }\n    }\n  }\n": typeof types.UpdateDeprovisioningGuardDocument,
    "\n  fragment EndpointRows_ScimConfig on ScimConfig {\n    baseUrl\n    usersEndpoint\n    groupsEndpoint\n  }\n": typeof types.EndpointRows_ScimConfigFragmentDoc,
    "\n  fragment RecentActivity_Connection on ProvisioningEventConnection {\n    edges {\n      cursor\n      node {\n        id\n        occurredAt\n        tokenLabel\n        userAgent\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n        durationMs\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n": typeof types.RecentActivity_ConnectionFragmentDoc,
    "\n  fragment RecentActivity_LastRequest on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n      }\n    }\n  }\n": typeof types.RecentActivity_LastRequestFragmentDoc,
    "\n  query ScimOverviewScreen($first: Int!, $failuresOnly: Boolean!) {\n    scimConfig {\n      availability\n      ...ConfigurationCard_ScimConfig\n      ...EndpointRows_ScimConfig\n      ...ThrottledNotice_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    deprovisioningGuard {\n      ...GuardPanel_DeprovisioningGuard\n    }\n    counts {\n      ...ConfigurationCard_ScimCounts\n    }\n    activeBulkDeleteJob {\n      ...DeleteAll_BulkDeleteJob\n    }\n    recentActivity(first: $first, failuresOnly: $failuresOnly) {\n      ...RecentActivity_Connection\n    }\n    lastRequest: recentActivity(first: 1) {\n      ...RecentActivity_LastRequest\n    }\n    scimSetup {\n      ...SetupChecklist_ScimSetup\n    }\n  }\n": typeof types.ScimOverviewScreenDocument,
    "\n  subscription ScimOverviewActivity {\n    provisioningActivity {\n      id\n    }\n  }\n": typeof types.ScimOverviewActivityDocument,
    "\n  subscription ScimOverviewBulkDeleteStarted {\n    bulkDeleteStarted {\n      id\n    }\n  }\n": typeof types.ScimOverviewBulkDeleteStartedDocument,
    "\n  fragment SetupChecklist_ScimSetup on ScimSetup {\n    tokenCreated\n    requestReceived\n    connectionTested\n  }\n": typeof types.SetupChecklist_ScimSetupFragmentDoc,
    "\n  fragment ThrottledNotice_ScimConfig on ScimConfig {\n    throttledLastHour\n    rateLimit {\n      perSecond\n      burst\n    }\n  }\n": typeof types.ThrottledNotice_ScimConfigFragmentDoc,
    "\n  fragment DeleteAll_BulkDeleteJob on BulkDeleteJob {\n    id\n    status\n    total\n    deleted\n  }\n": typeof types.DeleteAll_BulkDeleteJobFragmentDoc,
    "\n  mutation DeleteAllScimUsers {\n    deleteAllScimUsers {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": typeof types.DeleteAllScimUsersDocument,
    "\n  subscription BulkDeleteProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": typeof types.BulkDeleteProgressDocument,
    "\n  query BulkDeleteJobPoll($id: ID!) {\n    bulkDeleteJob(id: $id) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": typeof types.BulkDeleteJobPollDocument,
    "\n  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [DirectoryEventType!], $description: String) {\n    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  fragment DeliveriesCard_Connection on WebhookDeliveryConnection {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        manual\n        lastStatusCode\n        nextAttemptAt\n        createdAt\n        recentAttempts {\n          attemptedAt\n          statusCode\n          durationMs\n          responseBody\n          error\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.DeliveriesCard_ConnectionFragmentDoc,
    "\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n": typeof types.RedeliverWebhookEventDocument,
    "\n  fragment EndpointActions_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    enabled\n  }\n": typeof types.EndpointActions_WebhookEndpointFragmentDoc,
    "\n  mutation SendTestWebhookEvent($endpointId: ID!) {\n    sendTestWebhookEvent(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n": typeof types.SendTestWebhookEventDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: true) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n      failedDeliveries\n    }\n  }\n": typeof types.EnableWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: false) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n    }\n  }\n": typeof types.DisableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  fragment EndpointStatus_WebhookEndpoint on WebhookEndpoint {\n    enabled\n    disabledReason\n    disabledAfterFailures\n    failedDeliveries\n  }\n": typeof types.EndpointStatus_WebhookEndpointFragmentDoc,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        id\n        previousSecretExpiresAt\n      }\n      secret\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  query WebhookEndpointScreen($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean) {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledAfterFailures\n      disabledReason\n      createdAt\n      previousSecretExpiresAt\n      ...EndpointStatus_WebhookEndpoint\n      ...EndpointActions_WebhookEndpoint\n    }\n    webhookDeliveries(endpointId: $id, first: $first, after: $after, failedOnly: $failedOnly) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n      ...DeliveriesCard_Connection\n    }\n  }\n": typeof types.WebhookEndpointScreenDocument,
    "\n  fragment WebhookEndpointRow_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    ...EndpointStatus_WebhookEndpoint\n  }\n": typeof types.WebhookEndpointRow_WebhookEndpointFragmentDoc,
    "\n  query WebhooksScreen {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointRow_WebhookEndpoint\n    }\n  }\n": typeof types.WebhooksScreenDocument,
    "\n  fragment AppShell_Viewer on Viewer {\n    email\n    permissions\n    company {\n      id\n      name\n    }\n    ...SidebarNav_Viewer\n  }\n": typeof types.AppShell_ViewerFragmentDoc,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment SidebarNav_Viewer on Viewer {\n    permissions\n  }\n": typeof types.SidebarNav_ViewerFragmentDoc,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      id\n      permissions\n      ...AppShell_Viewer\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  query GroupDetail($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      displayName\n      externalId\n      memberCount\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n": types.GroupDetailDocument,
    "\n  query GroupMembers($id: ID!, $first: Int!, $after: String) {\n    directoryGroup(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            display\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  query GroupsTab($search: String, $first: Int!, $after: String) {\n    directoryGroups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          externalId\n          memberCount\n          source\n          createdByToken\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.GroupsTabDocument,
    "\n  fragment ResourceActivity_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        operation\n        method\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n": types.ResourceActivity_ConnectionFragmentDoc,
    "\n  query UserDetail($id: ID!) {\n    directoryUser(id: $id) {\n      id\n      userName\n      displayName\n      name {\n        formatted\n        givenName\n        familyName\n      }\n      emails {\n        value\n        type\n        primary\n      }\n      active\n      externalId\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n": types.UserDetailDocument,
    "\n  query UserGroups($id: ID!, $first: Int!, $after: String) {\n    directoryUser(id: $id) {\n      id\n      groups(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            displayName\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.UserGroupsDocument,
    "\n  query UsersTab($search: String, $active: Boolean, $first: Int!, $after: String) {\n    directoryUsers(search: $search, active: $active, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          userName\n          displayName\n          active\n          source\n          createdByToken\n          emails {\n            value\n            primary\n          }\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersTabDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      permissions\n    }\n  }\n": types.SignInDocument,
    "\n  mutation CreateScimToken($label: String!, $expiresIn: ScimTokenExpiry) {\n    createScimToken(label: $label, expiresIn: $expiresIn) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n": types.CreateScimTokenDocument,
    "\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeScimTokenDocument,
    "\n  query SamlOauthScreen($canManage: Boolean!) {\n    scimConfig {\n      viewerCanManage\n      ...ScimActivationCard_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    scimTokens @include(if: $canManage) {\n      ...ScimTokensCard_ScimToken\n    }\n  }\n": types.SamlOauthScreenDocument,
    "\n  fragment ScimActivationCard_ScimConfig on ScimConfig {\n    availability\n    status\n    viewerCanManage\n  }\n": types.ScimActivationCard_ScimConfigFragmentDoc,
    "\n  mutation ActivateScim {\n    activateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n": types.ActivateScimDocument,
    "\n  mutation DeactivateScimFromSamlOauth {\n    deactivateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n": types.DeactivateScimFromSamlOauthDocument,
    "\n  mutation DisableEntraId {\n    disableEntraId {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n": types.DisableEntraIdDocument,
    "\n  fragment ScimTokensCard_ScimToken on ScimToken {\n    id\n    label\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n    expiresAt\n    expired\n    replacedBy {\n      id\n      prefix\n      lastUsedAt\n    }\n  }\n": types.ScimTokensCard_ScimTokenFragmentDoc,
    "\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n": types.RotateScimTokenDocument,
    "\n  fragment TokenExpiryNotice_ScimConfig on ScimConfig {\n    tokenExpiryWarnings {\n      tokenId\n      label\n      prefix\n      expiresAt\n      expired\n    }\n  }\n": types.TokenExpiryNotice_ScimConfigFragmentDoc,
    "\n  query ActivityDetailScreen($id: ID!) {\n    provisioningEvent(id: $id) {\n      id\n      occurredAt\n      method\n      path\n      operation\n      status\n      succeeded\n      throttled\n      scimType\n      message\n      durationMs\n      userAgent\n      tokenLabel\n      resourceType\n      resourceId\n      resourceName\n      changedAttributes\n    }\n  }\n": types.ActivityDetailScreenDocument,
    "\n  fragment ActivityList_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n": types.ActivityList_ConnectionFragmentDoc,
    "\n  query ActivityScreen(\n    $first: Int!, $after: String, $failuresOnly: Boolean, $status: [Int!], $operation: String, $tokenId: ID,\n    $resourceId: ID, $since: DateTime, $until: DateTime\n  ) {\n    recentActivity(\n      first: $first, after: $after, failuresOnly: $failuresOnly, status: $status, operation: $operation,\n      tokenId: $tokenId, resourceId: $resourceId, since: $since, until: $until\n    ) {\n      ...ActivityList_Connection\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    activityTokens {\n      id\n      label\n      revoked\n    }\n  }\n": types.ActivityScreenDocument,
    "\n  query AuditScreen($first: Int!, $after: String, $action: String, $actor: String, $since: DateTime, $until: DateTime) {\n    auditTrail(first: $first, after: $after, action: $action, actor: $actor, since: $since, until: $until) {\n      edges {\n        node {\n          id\n          occurredAt\n          actor\n          action\n          detail\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditScreenDocument,
    "\n  fragment ConfigurationCard_ScimConfig on ScimConfig {\n    status\n    viewerCanManage\n    viewerCanDeleteAllScimUsers\n  }\n": types.ConfigurationCard_ScimConfigFragmentDoc,
    "\n  fragment ConfigurationCard_ScimCounts on ScimCounts {\n    users\n    groups\n  }\n": types.ConfigurationCard_ScimCountsFragmentDoc,
    "\n  query DeleteAllPolicy {\n    deprovisioningPolicy {\n      policy\n      retentionDays\n    }\n  }\n": types.DeleteAllPolicyDocument,
    "\n  mutation DeactivateScim {\n    deactivateScim {\n      ...ConfigurationCard_ScimConfig\n    }\n  }\n": types.DeactivateScimDocument,
    "\n  query DeletedUsersPage($first: Int!, $after: String, $search: String) {\n    deletedUsers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        userName\n        displayName\n        deletedAt\n        restorableUntil\n        bulkDeleteJobId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DeletedUsersPageDocument,
    "\n  query DeletedUsersLastRun {\n    lastBulkDeleteRun {\n      id\n      status\n      deleted\n      restorable\n      finishedAt\n    }\n  }\n": types.DeletedUsersLastRunDocument,
    "\n  mutation RestoreUsers($ids: [ID!]!) {\n    restoreUsers(ids: $ids) {\n      restoredIds\n      userNameTakenIds\n    }\n  }\n": types.RestoreUsersDocument,
    "\n  mutation RestoreBulkDelete($jobId: ID!) {\n    restoreBulkDelete(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": types.RestoreBulkDeleteDocument,
    "\n  subscription RestoreProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": types.RestoreProgressDocument,
    "\n  fragment GuardPanel_DeprovisioningGuard on DeprovisioningGuard {\n    state\n    trippedAt\n    trippedByTokenLabel\n    heldBack\n    heldBackByToken {\n      tokenLabel\n      count\n    }\n    lastRefused {\n      id\n      occurredAt\n      operation\n      resourceId\n      activityId\n    }\n    settings {\n      thresholdPercent\n      thresholdMinimum\n      windowMinutes\n    }\n    viewerCanManage\n  }\n": types.GuardPanel_DeprovisioningGuardFragmentDoc,
    "\n  mutation ReleaseDeprovisioningGuard($minutes: Int) {\n    releaseDeprovisioningGuard(minutes: $minutes) {\n      state\n      releasedUntil\n    }\n  }\n": types.ReleaseDeprovisioningGuardDocument,
    "\n  mutation UpdateDeprovisioningGuard($thresholdPercent: Int, $thresholdMinimum: Int) {\n    updateDeprovisioningGuard(thresholdPercent: $thresholdPercent, thresholdMinimum: $thresholdMinimum) {\n      settings {\n        thresholdPercent\n        thresholdMinimum\n      }\n    }\n  }\n": types.UpdateDeprovisioningGuardDocument,
    "\n  fragment EndpointRows_ScimConfig on ScimConfig {\n    baseUrl\n    usersEndpoint\n    groupsEndpoint\n  }\n": types.EndpointRows_ScimConfigFragmentDoc,
    "\n  fragment RecentActivity_Connection on ProvisioningEventConnection {\n    edges {\n      cursor\n      node {\n        id\n        occurredAt\n        tokenLabel\n        userAgent\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n        durationMs\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n": types.RecentActivity_ConnectionFragmentDoc,
    "\n  fragment RecentActivity_LastRequest on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n      }\n    }\n  }\n": types.RecentActivity_LastRequestFragmentDoc,
    "\n  query ScimOverviewScreen($first: Int!, $failuresOnly: Boolean!) {\n    scimConfig {\n      availability\n      ...ConfigurationCard_ScimConfig\n      ...EndpointRows_ScimConfig\n      ...ThrottledNotice_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    deprovisioningGuard {\n      ...GuardPanel_DeprovisioningGuard\n    }\n    counts {\n      ...ConfigurationCard_ScimCounts\n    }\n    activeBulkDeleteJob {\n      ...DeleteAll_BulkDeleteJob\n    }\n    recentActivity(first: $first, failuresOnly: $failuresOnly) {\n      ...RecentActivity_Connection\n    }\n    lastRequest: recentActivity(first: 1) {\n      ...RecentActivity_LastRequest\n    }\n    scimSetup {\n      ...SetupChecklist_ScimSetup\n    }\n  }\n": types.ScimOverviewScreenDocument,
    "\n  subscription ScimOverviewActivity {\n    provisioningActivity {\n      id\n    }\n  }\n": types.ScimOverviewActivityDocument,
    "\n  subscription ScimOverviewBulkDeleteStarted {\n    bulkDeleteStarted {\n      id\n    }\n  }\n": types.ScimOverviewBulkDeleteStartedDocument,
    "\n  fragment SetupChecklist_ScimSetup on ScimSetup {\n    tokenCreated\n    requestReceived\n    connectionTested\n  }\n": types.SetupChecklist_ScimSetupFragmentDoc,
    "\n  fragment ThrottledNotice_ScimConfig on ScimConfig {\n    throttledLastHour\n    rateLimit {\n      perSecond\n      burst\n    }\n  }\n": types.ThrottledNotice_ScimConfigFragmentDoc,
    "\n  fragment DeleteAll_BulkDeleteJob on BulkDeleteJob {\n    id\n    status\n    total\n    deleted\n  }\n": types.DeleteAll_BulkDeleteJobFragmentDoc,
    "\n  mutation DeleteAllScimUsers {\n    deleteAllScimUsers {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": types.DeleteAllScimUsersDocument,
    "\n  subscription BulkDeleteProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": types.BulkDeleteProgressDocument,
    "\n  query BulkDeleteJobPoll($id: ID!) {\n    bulkDeleteJob(id: $id) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n": types.BulkDeleteJobPollDocument,
    "\n  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [DirectoryEventType!], $description: String) {\n    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  fragment DeliveriesCard_Connection on WebhookDeliveryConnection {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        manual\n        lastStatusCode\n        nextAttemptAt\n        createdAt\n        recentAttempts {\n          attemptedAt\n          statusCode\n          durationMs\n          responseBody\n          error\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.DeliveriesCard_ConnectionFragmentDoc,
    "\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n": types.RedeliverWebhookEventDocument,
    "\n  fragment EndpointActions_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    enabled\n  }\n": types.EndpointActions_WebhookEndpointFragmentDoc,
    "\n  mutation SendTestWebhookEvent($endpointId: ID!) {\n    sendTestWebhookEvent(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n": types.SendTestWebhookEventDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: true) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n      failedDeliveries\n    }\n  }\n": types.EnableWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: false) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n    }\n  }\n": types.DisableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  fragment EndpointStatus_WebhookEndpoint on WebhookEndpoint {\n    enabled\n    disabledReason\n    disabledAfterFailures\n    failedDeliveries\n  }\n": types.EndpointStatus_WebhookEndpointFragmentDoc,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        id\n        previousSecretExpiresAt\n      }\n      secret\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  query WebhookEndpointScreen($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean) {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledAfterFailures\n      disabledReason\n      createdAt\n      previousSecretExpiresAt\n      ...EndpointStatus_WebhookEndpoint\n      ...EndpointActions_WebhookEndpoint\n    }\n    webhookDeliveries(endpointId: $id, first: $first, after: $after, failedOnly: $failedOnly) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n      ...DeliveriesCard_Connection\n    }\n  }\n": types.WebhookEndpointScreenDocument,
    "\n  fragment WebhookEndpointRow_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    ...EndpointStatus_WebhookEndpoint\n  }\n": types.WebhookEndpointRow_WebhookEndpointFragmentDoc,
    "\n  query WebhooksScreen {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointRow_WebhookEndpoint\n    }\n  }\n": types.WebhooksScreenDocument,
    "\n  fragment AppShell_Viewer on Viewer {\n    email\n    permissions\n    company {\n      id\n      name\n    }\n    ...SidebarNav_Viewer\n  }\n": types.AppShell_ViewerFragmentDoc,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment SidebarNav_Viewer on Viewer {\n    permissions\n  }\n": types.SidebarNav_ViewerFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer {\n      id\n      permissions\n      ...AppShell_Viewer\n    }\n  }\n"): (typeof documents)["\n  query ConsoleViewer {\n    viewer {\n      id\n      permissions\n      ...AppShell_Viewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupDetail($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      displayName\n      externalId\n      memberCount\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n"): (typeof documents)["\n  query GroupDetail($id: ID!) {\n    directoryGroup(id: $id) {\n      id\n      displayName\n      externalId\n      memberCount\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($id: ID!, $first: Int!, $after: String) {\n    directoryGroup(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            display\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupMembers($id: ID!, $first: Int!, $after: String) {\n    directoryGroup(id: $id) {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            display\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsTab($search: String, $first: Int!, $after: String) {\n    directoryGroups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          externalId\n          memberCount\n          source\n          createdByToken\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupsTab($search: String, $first: Int!, $after: String) {\n    directoryGroups(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          externalId\n          memberCount\n          source\n          createdByToken\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceActivity_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        operation\n        method\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ResourceActivity_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        operation\n        method\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserDetail($id: ID!) {\n    directoryUser(id: $id) {\n      id\n      userName\n      displayName\n      name {\n        formatted\n        givenName\n        familyName\n      }\n      emails {\n        value\n        type\n        primary\n      }\n      active\n      externalId\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n"): (typeof documents)["\n  query UserDetail($id: ID!) {\n    directoryUser(id: $id) {\n      id\n      userName\n      displayName\n      name {\n        formatted\n        givenName\n        familyName\n      }\n      emails {\n        value\n        type\n        primary\n      }\n      active\n      externalId\n      source\n      createdByToken\n      updatedByToken\n      created\n      lastModified\n      scimResource\n    }\n    recentActivity(first: 10, resourceId: $id) {\n      ...ResourceActivity_Connection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserGroups($id: ID!, $first: Int!, $after: String) {\n    directoryUser(id: $id) {\n      id\n      groups(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            displayName\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserGroups($id: ID!, $first: Int!, $after: String) {\n    directoryUser(id: $id) {\n      id\n      groups(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            displayName\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersTab($search: String, $active: Boolean, $first: Int!, $after: String) {\n    directoryUsers(search: $search, active: $active, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          userName\n          displayName\n          active\n          source\n          createdByToken\n          emails {\n            value\n            primary\n          }\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersTab($search: String, $active: Boolean, $first: Int!, $after: String) {\n    directoryUsers(search: $search, active: $active, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          userName\n          displayName\n          active\n          source\n          createdByToken\n          emails {\n            value\n            primary\n          }\n          lastModified\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScimToken($label: String!, $expiresIn: ScimTokenExpiry) {\n    createScimToken(label: $label, expiresIn: $expiresIn) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateScimToken($label: String!, $expiresIn: ScimTokenExpiry) {\n    createScimToken(label: $label, expiresIn: $expiresIn) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SamlOauthScreen($canManage: Boolean!) {\n    scimConfig {\n      viewerCanManage\n      ...ScimActivationCard_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    scimTokens @include(if: $canManage) {\n      ...ScimTokensCard_ScimToken\n    }\n  }\n"): (typeof documents)["\n  query SamlOauthScreen($canManage: Boolean!) {\n    scimConfig {\n      viewerCanManage\n      ...ScimActivationCard_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    scimTokens @include(if: $canManage) {\n      ...ScimTokensCard_ScimToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScimActivationCard_ScimConfig on ScimConfig {\n    availability\n    status\n    viewerCanManage\n  }\n"): (typeof documents)["\n  fragment ScimActivationCard_ScimConfig on ScimConfig {\n    availability\n    status\n    viewerCanManage\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateScim {\n    activateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateScim {\n    activateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateScimFromSamlOauth {\n    deactivateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateScimFromSamlOauth {\n    deactivateScim {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableEntraId {\n    disableEntraId {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n"): (typeof documents)["\n  mutation DisableEntraId {\n    disableEntraId {\n      ...ScimActivationCard_ScimConfig\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScimTokensCard_ScimToken on ScimToken {\n    id\n    label\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n    expiresAt\n    expired\n    replacedBy {\n      id\n      prefix\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  fragment ScimTokensCard_ScimToken on ScimToken {\n    id\n    label\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    revokedAt\n    expiresAt\n    expired\n    replacedBy {\n      id\n      prefix\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      token {\n        id\n        label\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenExpiryNotice_ScimConfig on ScimConfig {\n    tokenExpiryWarnings {\n      tokenId\n      label\n      prefix\n      expiresAt\n      expired\n    }\n  }\n"): (typeof documents)["\n  fragment TokenExpiryNotice_ScimConfig on ScimConfig {\n    tokenExpiryWarnings {\n      tokenId\n      label\n      prefix\n      expiresAt\n      expired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityDetailScreen($id: ID!) {\n    provisioningEvent(id: $id) {\n      id\n      occurredAt\n      method\n      path\n      operation\n      status\n      succeeded\n      throttled\n      scimType\n      message\n      durationMs\n      userAgent\n      tokenLabel\n      resourceType\n      resourceId\n      resourceName\n      changedAttributes\n    }\n  }\n"): (typeof documents)["\n  query ActivityDetailScreen($id: ID!) {\n    provisioningEvent(id: $id) {\n      id\n      occurredAt\n      method\n      path\n      operation\n      status\n      succeeded\n      throttled\n      scimType\n      message\n      durationMs\n      userAgent\n      tokenLabel\n      resourceType\n      resourceId\n      resourceName\n      changedAttributes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityList_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityList_Connection on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityScreen(\n    $first: Int!, $after: String, $failuresOnly: Boolean, $status: [Int!], $operation: String, $tokenId: ID,\n    $resourceId: ID, $since: DateTime, $until: DateTime\n  ) {\n    recentActivity(\n      first: $first, after: $after, failuresOnly: $failuresOnly, status: $status, operation: $operation,\n      tokenId: $tokenId, resourceId: $resourceId, since: $since, until: $until\n    ) {\n      ...ActivityList_Connection\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    activityTokens {\n      id\n      label\n      revoked\n    }\n  }\n"): (typeof documents)["\n  query ActivityScreen(\n    $first: Int!, $after: String, $failuresOnly: Boolean, $status: [Int!], $operation: String, $tokenId: ID,\n    $resourceId: ID, $since: DateTime, $until: DateTime\n  ) {\n    recentActivity(\n      first: $first, after: $after, failuresOnly: $failuresOnly, status: $status, operation: $operation,\n      tokenId: $tokenId, resourceId: $resourceId, since: $since, until: $until\n    ) {\n      ...ActivityList_Connection\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    activityTokens {\n      id\n      label\n      revoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditScreen($first: Int!, $after: String, $action: String, $actor: String, $since: DateTime, $until: DateTime) {\n    auditTrail(first: $first, after: $after, action: $action, actor: $actor, since: $since, until: $until) {\n      edges {\n        node {\n          id\n          occurredAt\n          actor\n          action\n          detail\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditScreen($first: Int!, $after: String, $action: String, $actor: String, $since: DateTime, $until: DateTime) {\n    auditTrail(first: $first, after: $after, action: $action, actor: $actor, since: $since, until: $until) {\n      edges {\n        node {\n          id\n          occurredAt\n          actor\n          action\n          detail\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConfigurationCard_ScimConfig on ScimConfig {\n    status\n    viewerCanManage\n    viewerCanDeleteAllScimUsers\n  }\n"): (typeof documents)["\n  fragment ConfigurationCard_ScimConfig on ScimConfig {\n    status\n    viewerCanManage\n    viewerCanDeleteAllScimUsers\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConfigurationCard_ScimCounts on ScimCounts {\n    users\n    groups\n  }\n"): (typeof documents)["\n  fragment ConfigurationCard_ScimCounts on ScimCounts {\n    users\n    groups\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeleteAllPolicy {\n    deprovisioningPolicy {\n      policy\n      retentionDays\n    }\n  }\n"): (typeof documents)["\n  query DeleteAllPolicy {\n    deprovisioningPolicy {\n      policy\n      retentionDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateScim {\n    deactivateScim {\n      ...ConfigurationCard_ScimConfig\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateScim {\n    deactivateScim {\n      ...ConfigurationCard_ScimConfig\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletedUsersPage($first: Int!, $after: String, $search: String) {\n    deletedUsers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        userName\n        displayName\n        deletedAt\n        restorableUntil\n        bulkDeleteJobId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeletedUsersPage($first: Int!, $after: String, $search: String) {\n    deletedUsers(first: $first, after: $after, search: $search) {\n      nodes {\n        id\n        userName\n        displayName\n        deletedAt\n        restorableUntil\n        bulkDeleteJobId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeletedUsersLastRun {\n    lastBulkDeleteRun {\n      id\n      status\n      deleted\n      restorable\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  query DeletedUsersLastRun {\n    lastBulkDeleteRun {\n      id\n      status\n      deleted\n      restorable\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreUsers($ids: [ID!]!) {\n    restoreUsers(ids: $ids) {\n      restoredIds\n      userNameTakenIds\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreUsers($ids: [ID!]!) {\n    restoreUsers(ids: $ids) {\n      restoredIds\n      userNameTakenIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreBulkDelete($jobId: ID!) {\n    restoreBulkDelete(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreBulkDelete($jobId: ID!) {\n    restoreBulkDelete(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RestoreProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"): (typeof documents)["\n  subscription RestoreProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GuardPanel_DeprovisioningGuard on DeprovisioningGuard {\n    state\n    trippedAt\n    trippedByTokenLabel\n    heldBack\n    heldBackByToken {\n      tokenLabel\n      count\n    }\n    lastRefused {\n      id\n      occurredAt\n      operation\n      resourceId\n      activityId\n    }\n    settings {\n      thresholdPercent\n      thresholdMinimum\n      windowMinutes\n    }\n    viewerCanManage\n  }\n"): (typeof documents)["\n  fragment GuardPanel_DeprovisioningGuard on DeprovisioningGuard {\n    state\n    trippedAt\n    trippedByTokenLabel\n    heldBack\n    heldBackByToken {\n      tokenLabel\n      count\n    }\n    lastRefused {\n      id\n      occurredAt\n      operation\n      resourceId\n      activityId\n    }\n    settings {\n      thresholdPercent\n      thresholdMinimum\n      windowMinutes\n    }\n    viewerCanManage\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseDeprovisioningGuard($minutes: Int) {\n    releaseDeprovisioningGuard(minutes: $minutes) {\n      state\n      releasedUntil\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseDeprovisioningGuard($minutes: Int) {\n    releaseDeprovisioningGuard(minutes: $minutes) {\n      state\n      releasedUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDeprovisioningGuard($thresholdPercent: Int, $thresholdMinimum: Int) {\n    updateDeprovisioningGuard(thresholdPercent: $thresholdPercent, thresholdMinimum: $thresholdMinimum) {\n      settings {\n        thresholdPercent\n        thresholdMinimum\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDeprovisioningGuard($thresholdPercent: Int, $thresholdMinimum: Int) {\n    updateDeprovisioningGuard(thresholdPercent: $thresholdPercent, thresholdMinimum: $thresholdMinimum) {\n      settings {\n        thresholdPercent\n        thresholdMinimum\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EndpointRows_ScimConfig on ScimConfig {\n    baseUrl\n    usersEndpoint\n    groupsEndpoint\n  }\n"): (typeof documents)["\n  fragment EndpointRows_ScimConfig on ScimConfig {\n    baseUrl\n    usersEndpoint\n    groupsEndpoint\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecentActivity_Connection on ProvisioningEventConnection {\n    edges {\n      cursor\n      node {\n        id\n        occurredAt\n        tokenLabel\n        userAgent\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n        durationMs\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  fragment RecentActivity_Connection on ProvisioningEventConnection {\n    edges {\n      cursor\n      node {\n        id\n        occurredAt\n        tokenLabel\n        userAgent\n        method\n        operation\n        resourceType\n        resourceId\n        resourceName\n        status\n        succeeded\n        throttled\n        scimType\n        message\n        durationMs\n      }\n    }\n    pageInfo {\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecentActivity_LastRequest on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RecentActivity_LastRequest on ProvisioningEventConnection {\n    edges {\n      node {\n        id\n        occurredAt\n        tokenLabel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScimOverviewScreen($first: Int!, $failuresOnly: Boolean!) {\n    scimConfig {\n      availability\n      ...ConfigurationCard_ScimConfig\n      ...EndpointRows_ScimConfig\n      ...ThrottledNotice_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    deprovisioningGuard {\n      ...GuardPanel_DeprovisioningGuard\n    }\n    counts {\n      ...ConfigurationCard_ScimCounts\n    }\n    activeBulkDeleteJob {\n      ...DeleteAll_BulkDeleteJob\n    }\n    recentActivity(first: $first, failuresOnly: $failuresOnly) {\n      ...RecentActivity_Connection\n    }\n    lastRequest: recentActivity(first: 1) {\n      ...RecentActivity_LastRequest\n    }\n    scimSetup {\n      ...SetupChecklist_ScimSetup\n    }\n  }\n"): (typeof documents)["\n  query ScimOverviewScreen($first: Int!, $failuresOnly: Boolean!) {\n    scimConfig {\n      availability\n      ...ConfigurationCard_ScimConfig\n      ...EndpointRows_ScimConfig\n      ...ThrottledNotice_ScimConfig\n      ...TokenExpiryNotice_ScimConfig\n    }\n    deprovisioningGuard {\n      ...GuardPanel_DeprovisioningGuard\n    }\n    counts {\n      ...ConfigurationCard_ScimCounts\n    }\n    activeBulkDeleteJob {\n      ...DeleteAll_BulkDeleteJob\n    }\n    recentActivity(first: $first, failuresOnly: $failuresOnly) {\n      ...RecentActivity_Connection\n    }\n    lastRequest: recentActivity(first: 1) {\n      ...RecentActivity_LastRequest\n    }\n    scimSetup {\n      ...SetupChecklist_ScimSetup\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ScimOverviewActivity {\n    provisioningActivity {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription ScimOverviewActivity {\n    provisioningActivity {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ScimOverviewBulkDeleteStarted {\n    bulkDeleteStarted {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription ScimOverviewBulkDeleteStarted {\n    bulkDeleteStarted {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SetupChecklist_ScimSetup on ScimSetup {\n    tokenCreated\n    requestReceived\n    connectionTested\n  }\n"): (typeof documents)["\n  fragment SetupChecklist_ScimSetup on ScimSetup {\n    tokenCreated\n    requestReceived\n    connectionTested\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThrottledNotice_ScimConfig on ScimConfig {\n    throttledLastHour\n    rateLimit {\n      perSecond\n      burst\n    }\n  }\n"): (typeof documents)["\n  fragment ThrottledNotice_ScimConfig on ScimConfig {\n    throttledLastHour\n    rateLimit {\n      perSecond\n      burst\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeleteAll_BulkDeleteJob on BulkDeleteJob {\n    id\n    status\n    total\n    deleted\n  }\n"): (typeof documents)["\n  fragment DeleteAll_BulkDeleteJob on BulkDeleteJob {\n    id\n    status\n    total\n    deleted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAllScimUsers {\n    deleteAllScimUsers {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAllScimUsers {\n    deleteAllScimUsers {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BulkDeleteProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"): (typeof documents)["\n  subscription BulkDeleteProgress($jobId: ID!) {\n    bulkDeleteProgress(jobId: $jobId) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkDeleteJobPoll($id: ID!) {\n    bulkDeleteJob(id: $id) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"): (typeof documents)["\n  query BulkDeleteJobPoll($id: ID!) {\n    bulkDeleteJob(id: $id) {\n      id\n      status\n      total\n      deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [DirectoryEventType!], $description: String) {\n    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [DirectoryEventType!], $description: String) {\n    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeliveriesCard_Connection on WebhookDeliveryConnection {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        manual\n        lastStatusCode\n        nextAttemptAt\n        createdAt\n        recentAttempts {\n          attemptedAt\n          statusCode\n          durationMs\n          responseBody\n          error\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment DeliveriesCard_Connection on WebhookDeliveryConnection {\n    edges {\n      node {\n        id\n        eventId\n        eventType\n        status\n        attempts\n        manual\n        lastStatusCode\n        nextAttemptAt\n        createdAt\n        recentAttempts {\n          attemptedAt\n          statusCode\n          durationMs\n          responseBody\n          error\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EndpointActions_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    enabled\n  }\n"): (typeof documents)["\n  fragment EndpointActions_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    enabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhookEvent($endpointId: ID!) {\n    sendTestWebhookEvent(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhookEvent($endpointId: ID!) {\n    sendTestWebhookEvent(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: true) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n      failedDeliveries\n    }\n  }\n"): (typeof documents)["\n  mutation EnableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: true) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n      failedDeliveries\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: false) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n    }\n  }\n"): (typeof documents)["\n  mutation DisableWebhookEndpoint($id: ID!) {\n    updateWebhookEndpoint(id: $id, enabled: false) {\n      id\n      enabled\n      disabledReason\n      disabledAfterFailures\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EndpointStatus_WebhookEndpoint on WebhookEndpoint {\n    enabled\n    disabledReason\n    disabledAfterFailures\n    failedDeliveries\n  }\n"): (typeof documents)["\n  fragment EndpointStatus_WebhookEndpoint on WebhookEndpoint {\n    enabled\n    disabledReason\n    disabledAfterFailures\n    failedDeliveries\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        id\n        previousSecretExpiresAt\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        id\n        previousSecretExpiresAt\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpointScreen($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean) {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledAfterFailures\n      disabledReason\n      createdAt\n      previousSecretExpiresAt\n      ...EndpointStatus_WebhookEndpoint\n      ...EndpointActions_WebhookEndpoint\n    }\n    webhookDeliveries(endpointId: $id, first: $first, after: $after, failedOnly: $failedOnly) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n      ...DeliveriesCard_Connection\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpointScreen($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean) {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      disabledAfterFailures\n      disabledReason\n      createdAt\n      previousSecretExpiresAt\n      ...EndpointStatus_WebhookEndpoint\n      ...EndpointActions_WebhookEndpoint\n    }\n    webhookDeliveries(endpointId: $id, first: $first, after: $after, failedOnly: $failedOnly) {\n      edges {\n        node {\n          id\n          status\n        }\n      }\n      ...DeliveriesCard_Connection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointRow_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    ...EndpointStatus_WebhookEndpoint\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointRow_WebhookEndpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    ...EndpointStatus_WebhookEndpoint\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksScreen {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointRow_WebhookEndpoint\n    }\n  }\n"): (typeof documents)["\n  query WebhooksScreen {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointRow_WebhookEndpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppShell_Viewer on Viewer {\n    email\n    permissions\n    company {\n      id\n      name\n    }\n    ...SidebarNav_Viewer\n  }\n"): (typeof documents)["\n  fragment AppShell_Viewer on Viewer {\n    email\n    permissions\n    company {\n      id\n      name\n    }\n    ...SidebarNav_Viewer\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SidebarNav_Viewer on Viewer {\n    permissions\n  }\n"): (typeof documents)["\n  fragment SidebarNav_Viewer on Viewer {\n    permissions\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;