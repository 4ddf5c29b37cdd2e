/* eslint-disable */
import * as types from './graphql';



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
    "\n  mutation StepUp($code: String!) {\n    verifyMfa(input: { code: $code }) { token errors { code message field } }\n  }\n": typeof types.StepUpDocument,
    "mutation LogOut { logOut }": typeof types.LogOutDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(input: { email: $email, password: $password }) {\n      token mfaRequired mfaToken errors { code message field }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {\n    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {\n      token errors { code message field }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation StartTotp($password: String!) {\n    startTotpEnrollment(password: $password) { secret provisioningUri qrSvg errors { code message field } }\n  }\n": typeof types.StartTotpDocument,
    "\n  mutation ConfirmTotp($code: String!, $password: String!) {\n    confirmTotpEnrollment(code: $code, password: $password) { recoveryCodes errors { code message field } }\n  }\n": typeof types.ConfirmTotpDocument,
    "\n  query Budgets {\n    budgets {\n      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated\n      thresholds forecastAlert forecast { amount low high breachAt }\n    }\n  }\n": typeof types.BudgetsDocument,
    "\n  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }\n": typeof types.CreateBudgetDocument,
    "\n  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }\n": typeof types.UpdateBudgetDocument,
    "\n  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }\n": typeof types.DeleteBudgetDocument,
    "\n  query Alerts($after: String) {\n    alerts(first: 20, after: $after) {\n      nodes { id kind severity title message budgetId createdAt acknowledgedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }\n": typeof types.AcknowledgeAlertDocument,
    "\n  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }\n": typeof types.AlertRaisedDocument,
    "query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }": typeof types.ChannelsDocument,
    "\n  mutation CreateChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }\n  }\n": typeof types.CreateChannelDocument,
    "\n  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }\n": typeof types.TestChannelDocument,
    "\n  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }\n": typeof types.DeleteChannelDocument,
    "\n  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }\n": typeof types.ConnectionsDocument,
    "\n  mutation Connect($input: ConnectProviderInput!) {\n    connectProvider(input: $input) { connection { id } errors { code message field } }\n  }\n": typeof types.ConnectDocument,
    "\n  mutation ReplaceKey($id: ID!, $apiKey: String!) {\n    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }\n  }\n": typeof types.ReplaceKeyDocument,
    "\n  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }\n": typeof types.RemoveConnectionDocument,
    "\n  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }\n": typeof types.SyncNowDocument,
    "\n  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {\n    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {\n      currency totalCost costBasis inputTokens outputTokens requests\n      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }\n    }\n    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }\n    connections { id provider label status lastSyncedAt lastError }\n  }\n": typeof types.UsageDocument,
    "\n  query Revisions($filter: UsageFilter!) {\n    usageRevisions(filter: $filter, first: 10) {\n      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }\n    }\n  }\n": typeof types.RevisionsDocument,
    "\n  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }\n": typeof types.UsageUpdatedDocument,
    "\n  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }\n": typeof types.SyncStatusLiveDocument,
    "\n  query Notices { notices { id title body severity createdAt } }\n": typeof types.NoticesDocument,
    "\n  subscription NoticePosted { noticePosted { id title body severity createdAt } }\n": typeof types.NoticePostedDocument,
    "\n  mutation AcknowledgeNotice($id: ID!) {\n    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }\n  }\n": typeof types.AcknowledgeNoticeDocument,
    "\n  mutation RequiredPasswordChange($input: ChangePasswordInput!) {\n    changePassword(input: $input) { ok errors { code message field } }\n  }\n": typeof types.RequiredPasswordChangeDocument,
    "query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }": typeof types.MembersDocument,
    "\n  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }\n": typeof types.InviteDocument,
    "query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }": typeof types.InvitesDocument,
    "mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }": typeof types.RevokeInviteDocument,
    "\n  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }\n": typeof types.ChangeRoleDocument,
    "mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }": typeof types.RemoveMemberDocument,
    "query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }": typeof types.TokensDocument,
    "\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }\n": typeof types.CreateTokenDocument,
    "mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }": typeof types.RevokeTokenDocument,
    "query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }": typeof types.SessionsDocument,
    "mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }": typeof types.RevokeSessionDocument,
    "\n  query Audit($after: String) {\n    auditLog(first: 50, after: $after) {\n      edges { node { id seq action actorEmail target ip occurredAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  query SecurityEvents($after: String) {\n    securityEvents(first: 50, after: $after) {\n      edges { node { id kind severity details createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SecurityEventsDocument,
    "\n  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings\n    findings { id kind subjectId summary since open } } }\n": typeof types.AccessReviewDocument,
    "mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }": typeof types.RunAccessReviewDocument,
    "\n  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }\n": typeof types.CompleteAccessReviewDocument,
    "query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }": typeof types.ThirdPartiesDocument,
    "mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }": typeof types.ReviewRevokeTokenDocument,
    "mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }": typeof types.ReviewRevokeInviteDocument,
    "mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }": typeof types.ReviewRemoveMemberDocument,
    "\n  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {\n    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }\n  }\n": typeof types.UpdateAccountDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }\n": typeof types.ChangePasswordDocument,
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }\n": typeof types.DeleteAccountDocument,
    "\n  query Viewer {\n    me { id email mfaEnabled passwordChangeRequired }\n  }\n": typeof types.ViewerDocument,
    "\n  query AccountInfo {\n    account { id name role mfaRequired }\n  }\n": typeof types.AccountInfoDocument,
};
const documents: Documents = {
    "\n  mutation StepUp($code: String!) {\n    verifyMfa(input: { code: $code }) { token errors { code message field } }\n  }\n": types.StepUpDocument,
    "mutation LogOut { logOut }": types.LogOutDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(input: { email: $email, password: $password }) {\n      token mfaRequired mfaToken errors { code message field }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {\n    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {\n      token errors { code message field }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation StartTotp($password: String!) {\n    startTotpEnrollment(password: $password) { secret provisioningUri qrSvg errors { code message field } }\n  }\n": types.StartTotpDocument,
    "\n  mutation ConfirmTotp($code: String!, $password: String!) {\n    confirmTotpEnrollment(code: $code, password: $password) { recoveryCodes errors { code message field } }\n  }\n": types.ConfirmTotpDocument,
    "\n  query Budgets {\n    budgets {\n      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated\n      thresholds forecastAlert forecast { amount low high breachAt }\n    }\n  }\n": types.BudgetsDocument,
    "\n  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }\n": types.CreateBudgetDocument,
    "\n  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }\n": types.UpdateBudgetDocument,
    "\n  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }\n": types.DeleteBudgetDocument,
    "\n  query Alerts($after: String) {\n    alerts(first: 20, after: $after) {\n      nodes { id kind severity title message budgetId createdAt acknowledgedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AlertsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }\n": types.AcknowledgeAlertDocument,
    "\n  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }\n": types.AlertRaisedDocument,
    "query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }": types.ChannelsDocument,
    "\n  mutation CreateChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }\n  }\n": types.CreateChannelDocument,
    "\n  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }\n": types.TestChannelDocument,
    "\n  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }\n": types.DeleteChannelDocument,
    "\n  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }\n": types.ConnectionsDocument,
    "\n  mutation Connect($input: ConnectProviderInput!) {\n    connectProvider(input: $input) { connection { id } errors { code message field } }\n  }\n": types.ConnectDocument,
    "\n  mutation ReplaceKey($id: ID!, $apiKey: String!) {\n    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }\n  }\n": types.ReplaceKeyDocument,
    "\n  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }\n": types.RemoveConnectionDocument,
    "\n  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }\n": types.SyncNowDocument,
    "\n  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {\n    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {\n      currency totalCost costBasis inputTokens outputTokens requests\n      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }\n    }\n    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }\n    connections { id provider label status lastSyncedAt lastError }\n  }\n": types.UsageDocument,
    "\n  query Revisions($filter: UsageFilter!) {\n    usageRevisions(filter: $filter, first: 10) {\n      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }\n    }\n  }\n": types.RevisionsDocument,
    "\n  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }\n": types.UsageUpdatedDocument,
    "\n  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }\n": types.SyncStatusLiveDocument,
    "\n  query Notices { notices { id title body severity createdAt } }\n": types.NoticesDocument,
    "\n  subscription NoticePosted { noticePosted { id title body severity createdAt } }\n": types.NoticePostedDocument,
    "\n  mutation AcknowledgeNotice($id: ID!) {\n    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }\n  }\n": types.AcknowledgeNoticeDocument,
    "\n  mutation RequiredPasswordChange($input: ChangePasswordInput!) {\n    changePassword(input: $input) { ok errors { code message field } }\n  }\n": types.RequiredPasswordChangeDocument,
    "query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }": types.MembersDocument,
    "\n  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }\n": types.InviteDocument,
    "query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }": types.InvitesDocument,
    "mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }": types.RevokeInviteDocument,
    "\n  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }\n": types.ChangeRoleDocument,
    "mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }": types.RemoveMemberDocument,
    "query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }": types.TokensDocument,
    "\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }\n": types.CreateTokenDocument,
    "mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }": types.RevokeTokenDocument,
    "query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }": types.SessionsDocument,
    "mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }": types.RevokeSessionDocument,
    "\n  query Audit($after: String) {\n    auditLog(first: 50, after: $after) {\n      edges { node { id seq action actorEmail target ip occurredAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditDocument,
    "\n  query SecurityEvents($after: String) {\n    securityEvents(first: 50, after: $after) {\n      edges { node { id kind severity details createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SecurityEventsDocument,
    "\n  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings\n    findings { id kind subjectId summary since open } } }\n": types.AccessReviewDocument,
    "mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }": types.RunAccessReviewDocument,
    "\n  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }\n": types.CompleteAccessReviewDocument,
    "query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }": types.ThirdPartiesDocument,
    "mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }": types.ReviewRevokeTokenDocument,
    "mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }": types.ReviewRevokeInviteDocument,
    "mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }": types.ReviewRemoveMemberDocument,
    "\n  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {\n    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }\n  }\n": types.UpdateAccountDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }\n": types.ChangePasswordDocument,
    "\n  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }\n": types.DeleteAccountDocument,
    "\n  query Viewer {\n    me { id email mfaEnabled passwordChangeRequired }\n  }\n": types.ViewerDocument,
    "\n  query AccountInfo {\n    account { id name role mfaRequired }\n  }\n": types.AccountInfoDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StepUp($code: String!) {\n    verifyMfa(input: { code: $code }) { token errors { code message field } }\n  }\n"): typeof import('./graphql').StepUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogOut { logOut }"): typeof import('./graphql').LogOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(input: { email: $email, password: $password }) {\n      token mfaRequired mfaToken errors { code message field }\n    }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }\n  }\n"): typeof import('./graphql').VerifyMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {\n    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {\n      token errors { code message field }\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotp($password: String!) {\n    startTotpEnrollment(password: $password) { secret provisioningUri qrSvg errors { code message field } }\n  }\n"): typeof import('./graphql').StartTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($code: String!, $password: String!) {\n    confirmTotpEnrollment(code: $code, password: $password) { recoveryCodes errors { code message field } }\n  }\n"): typeof import('./graphql').ConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Budgets {\n    budgets {\n      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated\n      thresholds forecastAlert forecast { amount low high breachAt }\n    }\n  }\n"): typeof import('./graphql').BudgetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }\n"): typeof import('./graphql').CreateBudgetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }\n"): typeof import('./graphql').UpdateBudgetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }\n"): typeof import('./graphql').DeleteBudgetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($after: String) {\n    alerts(first: 20, after: $after) {\n      nodes { id kind severity title message budgetId createdAt acknowledgedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }\n"): typeof import('./graphql').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }\n"): typeof import('./graphql').AlertRaisedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }"): typeof import('./graphql').ChannelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }\n  }\n"): typeof import('./graphql').CreateChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }\n"): typeof import('./graphql').TestChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }\n"): typeof import('./graphql').DeleteChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }\n"): typeof import('./graphql').ConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Connect($input: ConnectProviderInput!) {\n    connectProvider(input: $input) { connection { id } errors { code message field } }\n  }\n"): typeof import('./graphql').ConnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplaceKey($id: ID!, $apiKey: String!) {\n    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }\n  }\n"): typeof import('./graphql').ReplaceKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }\n"): typeof import('./graphql').RemoveConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }\n"): typeof import('./graphql').SyncNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {\n    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {\n      currency totalCost costBasis inputTokens outputTokens requests\n      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }\n    }\n    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }\n    connections { id provider label status lastSyncedAt lastError }\n  }\n"): typeof import('./graphql').UsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Revisions($filter: UsageFilter!) {\n    usageRevisions(filter: $filter, first: 10) {\n      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }\n    }\n  }\n"): typeof import('./graphql').RevisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }\n"): typeof import('./graphql').UsageUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }\n"): typeof import('./graphql').SyncStatusLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notices { notices { id title body severity createdAt } }\n"): typeof import('./graphql').NoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NoticePosted { noticePosted { id title body severity createdAt } }\n"): typeof import('./graphql').NoticePostedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeNotice($id: ID!) {\n    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }\n  }\n"): typeof import('./graphql').AcknowledgeNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequiredPasswordChange($input: ChangePasswordInput!) {\n    changePassword(input: $input) { ok errors { code message field } }\n  }\n"): typeof import('./graphql').RequiredPasswordChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }\n"): typeof import('./graphql').InviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }"): typeof import('./graphql').InvitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }"): typeof import('./graphql').RevokeInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }\n"): typeof import('./graphql').ChangeRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }"): typeof import('./graphql').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }\n"): typeof import('./graphql').CreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"): typeof import('./graphql').RevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }"): typeof import('./graphql').SessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($after: String) {\n    auditLog(first: 50, after: $after) {\n      edges { node { id seq action actorEmail target ip occurredAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityEvents($after: String) {\n    securityEvents(first: 50, after: $after) {\n      edges { node { id kind severity details createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').SecurityEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings\n    findings { id kind subjectId summary since open } } }\n"): typeof import('./graphql').AccessReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }"): typeof import('./graphql').RunAccessReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }\n"): typeof import('./graphql').CompleteAccessReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }"): typeof import('./graphql').ThirdPartiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"): typeof import('./graphql').ReviewRevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }"): typeof import('./graphql').ReviewRevokeInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }"): typeof import('./graphql').ReviewRemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {\n    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }\n  }\n"): typeof import('./graphql').UpdateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }\n"): typeof import('./graphql').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me { id email mfaEnabled passwordChangeRequired }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountInfo {\n    account { id name role mfaRequired }\n  }\n"): typeof import('./graphql').AccountInfoDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
