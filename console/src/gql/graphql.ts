/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** Exact decimal (money), serialised as a plain string: "12.34". */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** One thing an access review found. `subjectId` is the membership, API token, invite or connection to act on. */
export type AccessFinding = {
  __typename?: 'AccessFinding';
  id: Scalars['ID']['output'];
  kind: AccessFindingKind;
  /** Still true now (false once acted on). */
  open: Scalars['Boolean']['output'];
  since?: Maybe<Scalars['DateTime']['output']>;
  subjectId?: Maybe<Scalars['ID']['output']>;
  summary: Scalars['String']['output'];
};

export type AccessFindingKind =
  | 'EXCESS_OWNERS'
  | 'FAILING_CONNECTION'
  | 'IDLE_CONNECTION'
  | 'INACTIVE_MEMBER'
  | 'PENDING_INVITE'
  | 'STALE_PROVIDER_KEY'
  | 'UNUSED_API_TOKEN';

/** A periodic review of who and what can reach the account. */
export type AccessReview = {
  __typename?: 'AccessReview';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The e-mail of who completed it. */
  completedBy?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  findings: Array<AccessFinding>;
  id: Scalars['ID']['output'];
  openFindings: Scalars['Int']['output'];
  trigger: Scalars['String']['output'];
};

export type AccessReviewPayload = {
  __typename?: 'AccessReviewPayload';
  errors: Array<UserError>;
  review?: Maybe<AccessReview>;
};

/** The tenant: the caller's current account. */
export type Account = {
  __typename?: 'Account';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  mfaRequired: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** The caller's role in this account. */
  role: Role;
};

export type AccountPayload = {
  __typename?: 'AccountPayload';
  account?: Maybe<Account>;
  errors: Array<UserError>;
};

/** Something about the account's spend that needs attention. */
export type Alert = {
  __typename?: 'Alert';
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  budgetId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: AlertKind;
  message: Scalars['String']['output'];
  severity: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** A page of alerts, newest first. */
export type AlertConnection = {
  __typename?: 'AlertConnection';
  nodes: Array<Alert>;
  pageInfo: PageInfo;
};

export type AlertKind =
  | 'BUDGET_FORECAST'
  | 'BUDGET_THRESHOLD'
  | 'COST_ANOMALY'
  | 'DELIVERY_FAILED'
  | 'NEW_API_KEY'
  | 'NEW_MODEL'
  | 'NEW_PROJECT'
  | 'SPEND_REVISED'
  | 'SYNC_FAILING';

export type AlertPayload = {
  __typename?: 'AlertPayload';
  alert?: Maybe<Alert>;
  errors: Array<UserError>;
};

/** An API token (its secret is shown only once, at creation). */
export type ApiToken = {
  __typename?: 'ApiToken';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working: its expiry, or earlier if left unused. */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  ownerEmail?: Maybe<Scalars['String']['output']>;
  ownerId: Scalars['ID']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  scope: ApiTokenScope;
};

export type ApiTokenPayload = {
  __typename?: 'ApiTokenPayload';
  apiToken?: Maybe<ApiToken>;
  errors: Array<UserError>;
  /** The secret; shown only on creation. */
  token?: Maybe<Scalars['String']['output']>;
};

/** FULL acts as its owner; READ_USAGE may only read usage. */
export type ApiTokenScope =
  | 'FULL'
  | 'READ_USAGE';

/** One audit-log entry (hash chained; never contains a secret). */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actorEmail?: Maybe<Scalars['String']['output']>;
  actorId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  metadata: Scalars['JSON']['output'];
  occurredAt: Scalars['DateTime']['output'];
  seq: Scalars['Int']['output'];
  target?: Maybe<Scalars['String']['output']>;
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** A page of items, newest first. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
};

/** One item of a page and the cursor just after it. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  errors: Array<UserError>;
  mfaRequired: Scalars['Boolean']['output'];
  mfaToken?: Maybe<Scalars['String']['output']>;
  token?: Maybe<Scalars['String']['output']>;
  user?: Maybe<User>;
};

/** Spend of the current period (UTC) against an amount. */
export type Budget = {
  __typename?: 'Budget';
  amount: Scalars['Decimal']['output'];
  currency: Scalars['String']['output'];
  /** Part of `spent` is estimated from tokens, not reported by the provider. */
  estimated: Scalars['Boolean']['output'];
  forecast?: Maybe<Forecast>;
  forecastAlert: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  percentUsed: Scalars['Float']['output'];
  period: BudgetPeriod;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  remaining: Scalars['Decimal']['output'];
  scopeApiKeys: Array<Scalars['String']['output']>;
  scopeConnectionIds: Array<Scalars['ID']['output']>;
  scopeModels: Array<Scalars['String']['output']>;
  scopeProjects: Array<Scalars['String']['output']>;
  scopeProviders: Array<ProviderKind>;
  spent: Scalars['Decimal']['output'];
  thresholds: Array<Scalars['Int']['output']>;
};

export type BudgetInput = {
  amount: Scalars['Decimal']['input'];
  /** Alert when the forecast says the period will exceed it. */
  forecastAlert?: Scalars['Boolean']['input'];
  name: Scalars['String']['input'];
  period: BudgetPeriod;
  scope?: InputMaybe<BudgetScope>;
  /** Percent of the amount (1-1000). */
  thresholds?: Array<Scalars['Int']['input']>;
};

export type BudgetPayload = {
  __typename?: 'BudgetPayload';
  budget?: Maybe<Budget>;
  errors: Array<UserError>;
};

export type BudgetPeriod =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK';

/** What a budget counts; an absent or empty list does not filter. */
export type BudgetScope = {
  apiKeys?: InputMaybe<Array<Scalars['String']['input']>>;
  connectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  projects?: InputMaybe<Array<Scalars['String']['input']>>;
  providers?: InputMaybe<Array<ProviderKind>>;
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type ChangePasswordPayload = {
  __typename?: 'ChangePasswordPayload';
  errors: Array<UserError>;
  ok: Scalars['Boolean']['output'];
};

export type ChannelKind =
  | 'EMAIL'
  | 'SLACK'
  | 'WEBHOOK';

export type ConnectProviderInput = {
  apiKey: Scalars['String']['input'];
  label: Scalars['String']['input'];
  provider: ProviderKind;
};

export type ConnectionPayload = {
  __typename?: 'ConnectionPayload';
  connection?: Maybe<ProviderConnection>;
  errors: Array<UserError>;
};

/** Where a cost comes from: the provider's cost report, an estimate from list prices, both, or neither. */
export type CostBasis =
  | 'ESTIMATED'
  | 'MIXED'
  | 'NONE'
  | 'REPORTED';

export type CreateApiTokenInput = {
  expiresInDays?: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  scope?: ApiTokenScope;
};

export type DeleteAccountInput = {
  /** A current TOTP code or an unused recovery code. */
  code: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** The result of a deletion: `deletedId` on success. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  deletedId?: Maybe<Scalars['ID']['output']>;
  errors: Array<UserError>;
};

export type DeliveryPayload = {
  __typename?: 'DeliveryPayload';
  delivery?: Maybe<NotificationDelivery>;
  errors: Array<UserError>;
};

export type DisableMfaPayload = {
  __typename?: 'DisableMfaPayload';
  errors: Array<UserError>;
  ok: Scalars['Boolean']['output'];
};

/** Predicted spend at the period's end, with a ~90% interval. */
export type Forecast = {
  __typename?: 'Forecast';
  amount: Scalars['Decimal']['output'];
  /** When the forecast reaches the budget; null if not within the period or already reached. */
  breachAt?: Maybe<Scalars['DateTime']['output']>;
  high: Scalars['Decimal']['output'];
  low: Scalars['Decimal']['output'];
};

/** Bucket width, in UTC; WEEK is an ISO week (Monday start). */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** An invite into the account; the code is shown only once. */
export type Invite = {
  __typename?: 'Invite';
  createdAt: Scalars['DateTime']['output'];
  createdByEmail?: Maybe<Scalars['String']['output']>;
  createdById?: Maybe<Scalars['ID']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  maxUses: Scalars['Int']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role?: Maybe<Role>;
  uses: Scalars['Int']['output'];
  usesLeft: Scalars['Int']['output'];
};

export type InviteMemberInput = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  role: Role;
  uses?: Scalars['Int']['input'];
};

export type InvitePayload = {
  __typename?: 'InvitePayload';
  code?: Maybe<Scalars['String']['output']>;
  errors: Array<UserError>;
  invite?: Maybe<Invite>;
};

export type LogInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** A user's membership of the account (access review). */
export type Member = {
  __typename?: 'Member';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  joinedAt: Scalars['DateTime']['output'];
  lastActiveAt?: Maybe<Scalars['DateTime']['output']>;
  mfaEnabled: Scalars['Boolean']['output'];
  role: Role;
  userId: Scalars['ID']['output'];
};

export type MemberPayload = {
  __typename?: 'MemberPayload';
  errors: Array<UserError>;
  member?: Maybe<Member>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Join another account with a member invite code. */
  acceptInvite: AccountPayload;
  /** Mark an alert as seen. */
  acknowledgeAlert: AlertPayload;
  /** Mark a notice read for the whole account (owners and admins, signed in in person). */
  acknowledgeNotice: NoticePayload;
  /** Change a member's role (owners, with step-up). */
  changeMemberRole: MemberPayload;
  /** Change your password; your other sessions and your API tokens end. */
  changePassword: ChangePasswordPayload;
  /** Sign off an access review once (a person, owners/admins); audited with the findings left open. */
  completeAccessReview: AccessReviewPayload;
  /** Turn TOTP on with a code (and the current password unless the session signed in less than 10 minutes ago); returns 10 single-use recovery codes. */
  confirmTotpEnrollment: RecoveryCodesPayload;
  /** Connect a provider account (needs step-up). */
  connectProvider: ConnectionPayload;
  /** A new API token (signed-in people only; FULL scope needs step-up); its secret is returned only here. */
  createApiToken: ApiTokenPayload;
  /** Create a budget (owners/admins). */
  createBudget: BudgetPayload;
  /** Add a channel; a WEBHOOK's signing secret is returned once. */
  createNotificationChannel: NotificationChannelPayload;
  /** Delete the account and all its data for good (OWNER; password + code). */
  deleteAccount: DeletePayload;
  /** Delete a budget; its alerts stay. */
  deleteBudget: DeletePayload;
  /** Remove a channel. */
  deleteNotificationChannel: DeletePayload;
  /** Turn TOTP off (step-up and password); ends other sessions. */
  disableMfa: DisableMfaPayload;
  /** Invite someone into this account with a role (ADMIN or OWNER needs step-up). */
  inviteMember: InvitePayload;
  /** Password sign-in; enrolled users get an mfaToken. */
  logIn: AuthPayload;
  /** End the current session. */
  logOut: Scalars['Boolean']['output'];
  /** Silence a cost anomaly's dimension value (its spikes and first sightings) for `days` days, owners/admins; 0 lifts the mute. */
  muteAlert: MuteAlertPayload;
  /** Remove a connection and its sealed key (needs step-up). */
  removeConnection: DeletePayload;
  /** Remove a member (with step-up); their sessions and tokens end. */
  removeMember: RevokePayload;
  /** Replace a connection's key (needs step-up). */
  replaceProviderKey: ConnectionPayload;
  /** Revoke an API token (your own; admins: any). */
  revokeApiToken: ApiTokenPayload;
  /** Revoke an invite of the account (owners/admins). */
  revokeInvite: InvitePayload;
  /** End a session of the account (owners/admins). */
  revokeSession: RevokePayload;
  /** A new WEBHOOK signing secret, returned once; the old one stops at once. */
  rotateNotificationChannelSecret: NotificationChannelPayload;
  /** Review the account's access now (owners/admins); the owners get the digest when there are findings. */
  runAccessReview: AccessReviewPayload;
  /** Create a user (and account) with an invite code. */
  signUp: AuthPayload;
  /** A new TOTP secret to scan; confirm it with a code. Needs the current password unless the session signed in less than 10 minutes ago. */
  startTotpEnrollment: TotpEnrollmentPayload;
  /** Sync a connection now; returns the queued or running sync if there is one. */
  syncConnection: SyncPayload;
  /** Send a test message now. */
  testNotificationChannel: DeliveryPayload;
  /** Rename the account or set MFA-required (owners; setting mfaRequired needs step-up). */
  updateAccountSettings: AccountPayload;
  /** Replace a budget's settings (owners/admins). */
  updateBudget: BudgetPayload;
  /** Second factor: completes logIn, or steps up a session. */
  verifyMfa: AuthPayload;
};


export type MutationAcceptInviteArgs = {
  code: Scalars['String']['input'];
};


export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAcknowledgeNoticeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeMemberRoleArgs = {
  memberId: Scalars['ID']['input'];
  role: Role;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCompleteAccessReviewArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConfirmTotpEnrollmentArgs = {
  code: Scalars['String']['input'];
  password?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConnectProviderArgs = {
  input: ConnectProviderInput;
};


export type MutationCreateApiTokenArgs = {
  input: CreateApiTokenInput;
};


export type MutationCreateBudgetArgs = {
  input: BudgetInput;
};


export type MutationCreateNotificationChannelArgs = {
  input: NotificationChannelInput;
};


export type MutationDeleteAccountArgs = {
  input: DeleteAccountInput;
};


export type MutationDeleteBudgetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableMfaArgs = {
  password: Scalars['String']['input'];
};


export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


export type MutationLogInArgs = {
  input: LogInInput;
};


export type MutationMuteAlertArgs = {
  days: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRemoveConnectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  memberId: Scalars['ID']['input'];
};


export type MutationReplaceProviderKeyArgs = {
  apiKey: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeInviteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateNotificationChannelSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartTotpEnrollmentArgs = {
  password?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSyncConnectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationTestNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAccountSettingsArgs = {
  input: UpdateAccountSettingsInput;
};


export type MutationUpdateBudgetArgs = {
  id: Scalars['ID']['input'];
  input: BudgetInput;
};


export type MutationVerifyMfaArgs = {
  input: VerifyMfaInput;
};

export type MuteAlertPayload = {
  __typename?: 'MuteAlertPayload';
  alert?: Maybe<Alert>;
  errors: Array<UserError>;
  /** Until when the alert's dimension value raises nothing (null: not muted). */
  mutedUntil?: Maybe<Scalars['DateTime']['output']>;
};

/** A message from the operator (e.g. a security incident), shown until an owner or admin acknowledges it. */
export type Notice = {
  __typename?: 'Notice';
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Plain text; paragraphs separated by blank lines. */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  severity: NoticeSeverity;
  title: Scalars['String']['output'];
};

export type NoticePayload = {
  __typename?: 'NoticePayload';
  errors: Array<UserError>;
  notice?: Maybe<Notice>;
};

export type NoticeSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** Where alerts are sent. The target is write-only. */
export type NotificationChannel = {
  __typename?: 'NotificationChannel';
  alertKinds: Array<AlertKind>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: ChannelKind;
  name: Scalars['String']['output'];
  /** Scheme and host, or the e-mail domain. */
  targetHint: Scalars['String']['output'];
};

export type NotificationChannelInput = {
  /** Only these kinds; null or empty: every kind. */
  alertKinds?: InputMaybe<Array<AlertKind>>;
  kind: ChannelKind;
  name: Scalars['String']['input'];
  /** URL (WEBHOOK, SLACK) or e-mail (EMAIL). */
  target: Scalars['String']['input'];
};

export type NotificationChannelPayload = {
  __typename?: 'NotificationChannelPayload';
  channel?: Maybe<NotificationChannel>;
  errors: Array<UserError>;
  /** The WEBHOOK signing secret (whsec_…), shown only once. */
  secret?: Maybe<Scalars['String']['output']>;
};

/** One send of an alert (or a test) to one channel. */
export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  alertId?: Maybe<Scalars['ID']['output']>;
  attempts: Scalars['Int']['output'];
  channelId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  /** pending, delivered or failed. */
  status: Scalars['String']['output'];
};

/** Where a page ends; pass `endCursor` as `after` for the next. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** How long a provider-reported prepaid balance lasts at the average daily spend of the last 7 full days (OpenRouter credits). */
export type PrepaidRunway = {
  __typename?: 'PrepaidRunway';
  balance: Scalars['Decimal']['output'];
  /** When the balance was read (a sync). */
  balanceAt: Scalars['DateTime']['output'];
  connectionId: Scalars['ID']['output'];
  currency: Scalars['String']['output'];
  dailyBurn: Scalars['Decimal']['output'];
  label: Scalars['String']['output'];
  provider: ProviderKind;
  runsOutAt?: Maybe<Scalars['DateTime']['output']>;
  /** Days the balance lasts from balanceAt; null when nothing was spent. */
  runwayDays?: Maybe<Scalars['Float']['output']>;
};

/** A connected provider account. The API key is write-only. */
export type ProviderConnection = {
  __typename?: 'ProviderConnection';
  /** The operator froze this account's connections during a security incident: nothing syncs and the key stays sealed until they are released. */
  frozen: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** At most the last 4 characters of the key. */
  keyHint: Scalars['String']['output'];
  label: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  /** When the last successful sync finished. */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  provider: ProviderKind;
  /** Buckets before this are settled: older than the sync's look-back, so later provider revisions of them are not read. */
  settledBefore?: Maybe<Scalars['DateTime']['output']>;
  /** active, invalid_credentials, error or paused. */
  status: Scalars['String']['output'];
};

export type ProviderKind =
  | 'ANTHROPIC'
  | 'OPENAI'
  | 'OPENROUTER';

export type Query = {
  __typename?: 'Query';
  /** The account's latest access review with its findings (owners/admins); null before the first. */
  accessReview?: Maybe<AccessReview>;
  /** The caller's current account. */
  account: Account;
  /** The account's alerts, newest first. */
  alerts: AlertConnection;
  /** The account's API tokens (owners/admins), newest first; at most `first` (0 to 100). */
  apiTokens: Array<ApiToken>;
  /** The account's audit log, newest first (owners/admins); `first` is 0 to 100, 50 when omitted or null. */
  auditLog: AuditEventConnection;
  /** One budget; null when absent or not the caller's. */
  budget?: Maybe<Budget>;
  /** The account's budgets with this period's spend, oldest first (at most 100). */
  budgets: Array<Budget>;
  /** One connection; null when absent or not the caller's. */
  connection?: Maybe<ProviderConnection>;
  /** The account's provider connections, oldest first (at most 50). */
  connections: Array<ProviderConnection>;
  /** The account's live invites (owners/admins), newest first; at most `first` (0 to 100). */
  invites: Array<Invite>;
  /** The signed-in user, or null when not signed in. */
  me?: Maybe<User>;
  /** Members with role and last activity (owners/admins), oldest first; at most `first` (0 to 100). */
  members: Array<Member>;
  /** The account's unacknowledged notices, newest first (at most 20). */
  notices: Array<Notice>;
  /** Where the account's alerts go (owners/admins). */
  notificationChannels: Array<NotificationChannel>;
  /** The delivery log, newest first (owners/admins). */
  notificationDeliveries: Array<NotificationDelivery>;
  /** Reported against computed cost per day, connection and model (at most 92 days, 500 rows). */
  reconciliation: Array<ReconciliationRow>;
  /** Security events, newest first (owners/admins); `first` is 0 to 100. */
  securityEvents: SecurityEventConnection;
  /** Live sessions of the account (owners/admins), latest activity first; at most `first` (0 to 100). */
  sessions: Array<SessionInfo>;
  /** The account's spend this period (UTC) and its period-end forecast with a ~90% interval. */
  spendForecast: SpendForecast;
  /** Every outside party the account shares data with: providers connected and notification destinations, with last use (owners/admins). */
  thirdParties: Array<ThirdParty>;
  /** Spend and tokens over time for the caller's account. */
  usage: UsageReport;
  /** Provider revisions of the account's usage in the filter's range, newest first; `first` is 0 to 100. */
  usageRevisions: UsageRevisionConnection;
};


export type QueryAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryApiTokensArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBudgetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConnectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvitesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNotificationDeliveriesArgs = {
  channelId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryReconciliationArgs = {
  filter: UsageFilter;
};


export type QuerySecurityEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
};


export type QuerySessionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySpendForecastArgs = {
  period?: BudgetPeriod;
};


export type QueryUsageArgs = {
  filter: UsageFilter;
  granularity?: InputMaybe<Granularity>;
  groupBy?: InputMaybe<Array<UsageDimension>>;
};


export type QueryUsageRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter: UsageFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReconciliationCause =
  | 'CACHE_PRICING'
  | 'COST_WITHOUT_USAGE'
  | 'PRICE_LIST_LACKS_MODEL'
  | 'TIER_PRICING'
  | 'USAGE_WITHOUT_COST';

/** One UTC day x connection x model: the provider's reported cost against our list-price computation from its usage. */
export type ReconciliationRow = {
  __typename?: 'ReconciliationRow';
  cacheWriteTokens: Scalars['Float']['output'];
  cachedInputTokens: Scalars['Float']['output'];
  /** Null when there is no usage or the price list lacks the model. */
  computedCost?: Maybe<Scalars['Decimal']['output']>;
  connectionId: Scalars['ID']['output'];
  currency: Scalars['String']['output'];
  day: Scalars['DateTime']['output'];
  /** reported - computed (null as 0). */
  difference: Scalars['Decimal']['output'];
  inputTokens: Scalars['Float']['output'];
  likelyCause?: Maybe<ReconciliationCause>;
  model?: Maybe<Scalars['String']['output']>;
  outputTokens: Scalars['Float']['output'];
  provider: ProviderKind;
  /** Null when the provider reported no cost for it (yet). */
  reportedCost?: Maybe<Scalars['Decimal']['output']>;
};

export type RecoveryCodesPayload = {
  __typename?: 'RecoveryCodesPayload';
  errors: Array<UserError>;
  recoveryCodes?: Maybe<Array<Scalars['String']['output']>>;
};

/** Result of revoking or removing something. */
export type RevokePayload = {
  __typename?: 'RevokePayload';
  errors: Array<UserError>;
  ok: Scalars['Boolean']['output'];
};

export type Role =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

/** Suspicious activity detected on the account. */
export type SecurityEvent = {
  __typename?: 'SecurityEvent';
  createdAt: Scalars['DateTime']['output'];
  /** Facts of this kind of event (free-form, secrets redacted). */
  details: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  kind: SecurityEventKind;
  severity: SecuritySeverity;
};

/** A page of items, newest first. */
export type SecurityEventConnection = {
  __typename?: 'SecurityEventConnection';
  edges: Array<SecurityEventEdge>;
  pageInfo: PageInfo;
};

/** One item of a page and the cursor just after it. */
export type SecurityEventEdge = {
  __typename?: 'SecurityEventEdge';
  cursor: Scalars['String']['output'];
  node: SecurityEvent;
};

/** What a security event reports. */
export type SecurityEventKind =
  | 'API_TOKEN_CREATED'
  | 'AUDIT_CHAIN_BROKEN'
  | 'DECRYPT_FAILED'
  | 'FAILED_LOGIN_BURST'
  | 'FAILED_LOGIN_BURST_IP'
  | 'LOGIN_NEW_DEVICE'
  | 'LOGIN_NEW_IP'
  | 'MASTER_ROTATION_NEEDED'
  | 'MFA_DISABLED'
  | 'MFA_GUESSING'
  | 'PROVIDER_KEY_REPLACED'
  | 'RATE_LIMIT_REPEATED'
  | 'SPEND_SPIKE'
  | 'TOTP_REPLAY'
  | 'UNKNOWN_API_KEY';

export type SecuritySeverity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** A live session of the account (access review). */
export type SessionInfo = {
  __typename?: 'SessionInfo';
  createdAt: Scalars['DateTime']['output'];
  current: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ip: Scalars['String']['output'];
  lastSeenAt: Scalars['DateTime']['output'];
  userAgent: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

export type SignUpInput = {
  /** Required with a sign-up invite; ignored with a member invite. */
  accountName?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  inviteCode: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** The whole account's spend this period and where it is heading. */
export type SpendForecast = {
  __typename?: 'SpendForecast';
  currency: Scalars['String']['output'];
  estimated: Scalars['Boolean']['output'];
  forecast: Forecast;
  period: BudgetPeriod;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  /** Prepaid runway of each connection whose provider reports a balance. */
  runways: Array<PrepaidRunway>;
  spent: Scalars['Decimal']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Each alert raised on the account. */
  alertRaised: Alert;
  /** Each notice posted to the caller's account. */
  noticePosted: Notice;
  /** New security events of the caller's account. */
  securityEventRecorded: SecurityEvent;
  /** Sync runs of the account starting, retrying, succeeding or failing. */
  syncStatus: SyncStatusUpdate;
  /** After each sync that changed rows of the account. */
  usageUpdated: UsageUpdate;
};

export type SyncPayload = {
  __typename?: 'SyncPayload';
  /** True when a queued or running sync was returned instead. */
  alreadyActive: Scalars['Boolean']['output'];
  errors: Array<UserError>;
  run?: Maybe<SyncRun>;
};

/** One sync of a connection: its window, progress and outcome. */
export type SyncRun = {
  __typename?: 'SyncRun';
  attempts: Scalars['Int']['output'];
  connectionId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  errorClass?: Maybe<Scalars['String']['output']>;
  errorMessage?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  pages: Scalars['Int']['output'];
  /** Where the latest attempt started reading, when earlier attempts had stored part of the window. */
  resumedFrom?: Maybe<Scalars['DateTime']['output']>;
  rowsInserted: Scalars['Int']['output'];
  /** Rows the provider no longer reports. */
  rowsRemoved: Scalars['Int']['output'];
  rowsUpdated: Scalars['Int']['output'];
  /** Per endpoint: what it read or why it failed, over the chunks stored so far. */
  sources: Array<SyncSourceOutcome>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The syncStatus stream's vocabulary; a stored run is never RETRYING. */
  status: SyncState;
  /** The window is stored up to here (chunk by chunk); a run that is taken over or retried reads on from it. */
  storedUntil?: Maybe<Scalars['DateTime']['output']>;
  /** When the run was last taken from a worker that stopped renewing its lease (it died or stalled); attempts counts every claim. */
  takenOverAt?: Maybe<Scalars['DateTime']['output']>;
  trigger: SyncTrigger;
  windowEnd?: Maybe<Scalars['DateTime']['output']>;
  windowStart?: Maybe<Scalars['DateTime']['output']>;
};

/** What one provider endpoint (source) of a sync did. */
export type SyncSourceOutcome = {
  __typename?: 'SyncSourceOutcome';
  /** Why it failed (redacted), when it did. */
  error?: Maybe<Scalars['String']['output']>;
  /** The endpoint, e.g. `costs`, `usage.completions`. */
  name: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
  pages: Scalars['Int']['output'];
  rows: Scalars['Int']['output'];
  windowEnd: Scalars['DateTime']['output'];
  windowStart: Scalars['DateTime']['output'];
};

/** Where a sync run is: RETRYING after a transient failure, PARTIAL when some endpoints failed for good and the rest was stored, FAILED for good. */
export type SyncState =
  | 'FAILED'
  | 'PARTIAL'
  | 'QUEUED'
  | 'RETRYING'
  | 'RUNNING'
  | 'SUCCEEDED';

/** A sync run of one connection changed state. */
export type SyncStatusUpdate = {
  __typename?: 'SyncStatusUpdate';
  connectionId: Scalars['ID']['output'];
  /** Why it failed (redacted), if it did. */
  error?: Maybe<Scalars['String']['output']>;
  rowsChanged?: Maybe<Scalars['Int']['output']>;
  runId?: Maybe<Scalars['ID']['output']>;
  status: SyncState;
};

/** Why a run exists: SCHEDULE (it was due) or MANUAL (syncConnection). */
export type SyncTrigger =
  | 'MANUAL'
  | 'SCHEDULE';

/** An outside party the account shares data with. `destination` is the provider, or the target's scheme and host (the e-mail's domain); `lastUsedAt` the last sync or the last delivered message. */
export type ThirdParty = {
  __typename?: 'ThirdParty';
  addedAt: Scalars['DateTime']['output'];
  destination: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ThirdPartyKind;
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

/** What kind of outside party receives the account's data. */
export type ThirdPartyKind =
  | 'EMAIL'
  | 'PROVIDER'
  | 'SLACK'
  | 'WEBHOOK';

export type TotpEnrollmentPayload = {
  __typename?: 'TotpEnrollmentPayload';
  errors: Array<UserError>;
  provisioningUri?: Maybe<Scalars['String']['output']>;
  qrSvg?: Maybe<Scalars['String']['output']>;
  secret?: Maybe<Scalars['String']['output']>;
};

export type UpdateAccountSettingsInput = {
  mfaRequired?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UsageDimension =
  | 'API_KEY'
  | 'CONNECTION'
  | 'MODEL'
  | 'PROJECT'
  | 'PROVIDER';

/** `from` inclusive, `to` exclusive (UTC). Empty lists do not filter; ids that are not the account's match nothing. */
export type UsageFilter = {
  connectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  from: Scalars['DateTime']['input'];
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  projects?: InputMaybe<Array<Scalars['String']['input']>>;
  providers?: InputMaybe<Array<ProviderKind>>;
  to: Scalars['DateTime']['input'];
};

/** One bucket of one combination of the grouped dimensions; dimensions not grouped by are null. */
export type UsagePoint = {
  __typename?: 'UsagePoint';
  /** The provider's key id, not a secret. */
  apiKey?: Maybe<Scalars['String']['output']>;
  bucketStart: Scalars['DateTime']['output'];
  /** Cached reads among inputTokens. */
  cachedInputTokens: Scalars['Float']['output'];
  /** The connection (when grouped by CONNECTION), batched. */
  connection?: Maybe<ProviderConnection>;
  connectionId?: Maybe<Scalars['ID']['output']>;
  cost: Scalars['Decimal']['output'];
  costBasis: CostBasis;
  currency: Scalars['String']['output'];
  /** Every input token: uncached, cached reads and cache writes. */
  inputTokens: Scalars['Float']['output'];
  model?: Maybe<Scalars['String']['output']>;
  outputTokens: Scalars['Float']['output'];
  project?: Maybe<Scalars['String']['output']>;
  provider?: Maybe<ProviderKind>;
  requests: Scalars['Float']['output'];
};

/** Totals over the filter and the series; buckets without usage are omitted from `series`. */
export type UsageReport = {
  __typename?: 'UsageReport';
  cachedInputTokens: Scalars['Float']['output'];
  costBasis: CostBasis;
  currency: Scalars['String']['output'];
  inputTokens: Scalars['Float']['output'];
  outputTokens: Scalars['Float']['output'];
  requests: Scalars['Float']['output'];
  series: Array<UsagePoint>;
  totalCost: Scalars['Decimal']['output'];
};

/** One provider revision of one line of one bucket. */
export type UsageRevision = {
  __typename?: 'UsageRevision';
  /** The provider's key id, not a secret. */
  apiKey?: Maybe<Scalars['String']['output']>;
  bucketStart: Scalars['DateTime']['output'];
  connectionId: Scalars['ID']['output'];
  /** newCost - oldCost (null counts as 0). */
  costDelta: Scalars['Decimal']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: UsageRevisionKind;
  lineItem?: Maybe<Scalars['String']['output']>;
  model?: Maybe<Scalars['String']['output']>;
  newCost?: Maybe<Scalars['Decimal']['output']>;
  newInputTokens: Scalars['Float']['output'];
  newOutputTokens: Scalars['Float']['output'];
  newRequests: Scalars['Float']['output'];
  oldCost?: Maybe<Scalars['Decimal']['output']>;
  oldInputTokens: Scalars['Float']['output'];
  oldOutputTokens: Scalars['Float']['output'];
  oldRequests: Scalars['Float']['output'];
  /** The provider endpoint the line came from. */
  origin: Scalars['String']['output'];
  project?: Maybe<Scalars['String']['output']>;
  provider: ProviderKind;
  revisedAt: Scalars['DateTime']['output'];
  /** `usage` (tokens) or `cost` (reported cost). */
  source: Scalars['String']['output'];
  syncRunId?: Maybe<Scalars['ID']['output']>;
};

/** A page of items, newest first. */
export type UsageRevisionConnection = {
  __typename?: 'UsageRevisionConnection';
  edges: Array<UsageRevisionEdge>;
  pageInfo: PageInfo;
};

/** One item of a page and the cursor just after it. */
export type UsageRevisionEdge = {
  __typename?: 'UsageRevisionEdge';
  cursor: Scalars['String']['output'];
  node: UsageRevision;
};

/** A line the provider changed, added or removed after the bucket had been reported in full. */
export type UsageRevisionKind =
  | 'ADDED'
  | 'CHANGED'
  | 'REMOVED';

/** A sync changed rows of one connection in [from, to). */
export type UsageUpdate = {
  __typename?: 'UsageUpdate';
  connectionId: Scalars['ID']['output'];
  from: Scalars['DateTime']['output'];
  rowsChanged: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
};

/** A person who signs in to Meterwise. */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  mfaEnabled: Scalars['Boolean']['output'];
  /** Set after a security incident: choose a new password (changePassword) before anything else works. */
  passwordChangeRequired: Scalars['Boolean']['output'];
};

/** A failure the user can fix; `field` names the input at fault. */
export type UserError = {
  __typename?: 'UserError';
  code: UserErrorCode;
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type UserErrorCode =
  | 'ACCOUNT_FROZEN'
  | 'ALREADY_EXISTS'
  | 'INVALID_CODE'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_INPUT'
  | 'INVALID_INVITE'
  | 'NOT_FOUND'
  | 'PROVIDER_UNAVAILABLE'
  | 'STEP_UP_REQUIRED'
  | 'THROTTLED'
  | 'WEAK_PASSWORD';

export type VerifyMfaInput = {
  /** A TOTP code or an unused recovery code. */
  code: Scalars['String']['input'];
  /** From logIn. Omit it to step up the current session instead: a fresh session token is returned and the old one stops working. */
  mfaToken?: InputMaybe<Scalars['String']['input']>;
};

export type StepUpMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type StepUpMutation = { __typename?: 'Mutation', verifyMfa: { __typename?: 'AuthPayload', token?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { __typename?: 'Mutation', logOut: boolean };

export type LogInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LogInMutation = { __typename?: 'Mutation', logIn: { __typename?: 'AuthPayload', token?: string | null, mfaRequired: boolean, mfaToken?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type VerifyMfaMutationVariables = Exact<{
  mfaToken: Scalars['String']['input'];
  code: Scalars['String']['input'];
}>;


export type VerifyMfaMutation = { __typename?: 'Mutation', verifyMfa: { __typename?: 'AuthPayload', token?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type SignUpMutationVariables = Exact<{
  inviteCode: Scalars['String']['input'];
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  accountName?: InputMaybe<Scalars['String']['input']>;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'AuthPayload', token?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type StartTotpMutationVariables = Exact<{
  password: Scalars['String']['input'];
}>;


export type StartTotpMutation = { __typename?: 'Mutation', startTotpEnrollment: { __typename?: 'TotpEnrollmentPayload', secret?: string | null, provisioningUri?: string | null, qrSvg?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type ConfirmTotpMutationVariables = Exact<{
  code: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type ConfirmTotpMutation = { __typename?: 'Mutation', confirmTotpEnrollment: { __typename?: 'RecoveryCodesPayload', recoveryCodes?: Array<string> | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type BudgetsQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetsQuery = { __typename?: 'Query', budgets: Array<{ __typename?: 'Budget', id: string, name: string, amount: string, currency: string, period: BudgetPeriod, periodStart: string, periodEnd: string, spent: string, remaining: string, percentUsed: number, estimated: boolean, thresholds: Array<number>, forecastAlert: boolean, forecast?: { __typename?: 'Forecast', amount: string, low: string, high: string, breachAt?: string | null } | null }> };

export type CreateBudgetMutationVariables = Exact<{
  input: BudgetInput;
}>;


export type CreateBudgetMutation = { __typename?: 'Mutation', createBudget: { __typename?: 'BudgetPayload', budget?: { __typename?: 'Budget', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type UpdateBudgetMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: BudgetInput;
}>;


export type UpdateBudgetMutation = { __typename?: 'Mutation', updateBudget: { __typename?: 'BudgetPayload', budget?: { __typename?: 'Budget', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type DeleteBudgetMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteBudgetMutation = { __typename?: 'Mutation', deleteBudget: { __typename?: 'DeletePayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type AlertsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AlertsQuery = { __typename?: 'Query', alerts: { __typename?: 'AlertConnection', nodes: Array<{ __typename?: 'Alert', id: string, kind: AlertKind, severity: string, title: string, message: string, budgetId?: string | null, createdAt: string, acknowledgedAt?: string | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcknowledgeAlertMutation = { __typename?: 'Mutation', acknowledgeAlert: { __typename?: 'AlertPayload', alert?: { __typename?: 'Alert', id: string, acknowledgedAt?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type AlertRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AlertRaisedSubscription = { __typename?: 'Subscription', alertRaised: { __typename?: 'Alert', id: string, kind: AlertKind, severity: string, title: string, message: string, budgetId?: string | null, createdAt: string, acknowledgedAt?: string | null } };

export type ChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ChannelsQuery = { __typename?: 'Query', notificationChannels: Array<{ __typename?: 'NotificationChannel', id: string, kind: ChannelKind, name: string, targetHint: string, alertKinds: Array<AlertKind>, createdAt: string }> };

export type CreateChannelMutationVariables = Exact<{
  input: NotificationChannelInput;
}>;


export type CreateChannelMutation = { __typename?: 'Mutation', createNotificationChannel: { __typename?: 'NotificationChannelPayload', secret?: string | null, channel?: { __typename?: 'NotificationChannel', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type TestChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TestChannelMutation = { __typename?: 'Mutation', testNotificationChannel: { __typename?: 'DeliveryPayload', delivery?: { __typename?: 'NotificationDelivery', status: string, lastError?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type DeleteChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteChannelMutation = { __typename?: 'Mutation', deleteNotificationChannel: { __typename?: 'DeletePayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type ConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionsQuery = { __typename?: 'Query', connections: Array<{ __typename?: 'ProviderConnection', id: string, provider: ProviderKind, label: string, keyHint: string, status: string, lastSyncedAt?: string | null, lastError?: string | null, frozen: boolean }> };

export type ConnectMutationVariables = Exact<{
  input: ConnectProviderInput;
}>;


export type ConnectMutation = { __typename?: 'Mutation', connectProvider: { __typename?: 'ConnectionPayload', connection?: { __typename?: 'ProviderConnection', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type ReplaceKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  apiKey: Scalars['String']['input'];
}>;


export type ReplaceKeyMutation = { __typename?: 'Mutation', replaceProviderKey: { __typename?: 'ConnectionPayload', connection?: { __typename?: 'ProviderConnection', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type RemoveConnectionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveConnectionMutation = { __typename?: 'Mutation', removeConnection: { __typename?: 'DeletePayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type SyncNowMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SyncNowMutation = { __typename?: 'Mutation', syncConnection: { __typename?: 'SyncPayload', alreadyActive: boolean, run?: { __typename?: 'SyncRun', status: SyncState } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type UsageQueryVariables = Exact<{
  filter: UsageFilter;
  month: UsageFilter;
  groupBy?: InputMaybe<Array<UsageDimension> | UsageDimension>;
  granularity?: InputMaybe<Granularity>;
}>;


export type UsageQuery = { __typename?: 'Query', usage: { __typename?: 'UsageReport', currency: string, totalCost: string, costBasis: CostBasis, inputTokens: number, outputTokens: number, requests: number, series: Array<{ __typename?: 'UsagePoint', bucketStart: string, provider?: ProviderKind | null, model?: string | null, project?: string | null, apiKey?: string | null, connectionId?: string | null, cost: string, costBasis: CostBasis, connection?: { __typename?: 'ProviderConnection', label: string } | null }> }, month: { __typename?: 'UsageReport', currency: string, totalCost: string, costBasis: CostBasis }, connections: Array<{ __typename?: 'ProviderConnection', id: string, provider: ProviderKind, label: string, status: string, lastSyncedAt?: string | null, lastError?: string | null }> };

export type RevisionsQueryVariables = Exact<{
  filter: UsageFilter;
}>;


export type RevisionsQuery = { __typename?: 'Query', usageRevisions: { __typename?: 'UsageRevisionConnection', edges: Array<{ __typename?: 'UsageRevisionEdge', node: { __typename?: 'UsageRevision', id: string, kind: UsageRevisionKind, bucketStart: string, provider: ProviderKind, model?: string | null, project?: string | null, lineItem?: string | null, currency: string, costDelta: string, revisedAt: string } }> } };

export type UsageUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type UsageUpdatedSubscription = { __typename?: 'Subscription', usageUpdated: { __typename?: 'UsageUpdate', connectionId: string, rowsChanged: number } };

export type SyncStatusLiveSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SyncStatusLiveSubscription = { __typename?: 'Subscription', syncStatus: { __typename?: 'SyncStatusUpdate', connectionId: string, status: SyncState, rowsChanged?: number | null, error?: string | null } };

export type NoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type NoticesQuery = { __typename?: 'Query', notices: Array<{ __typename?: 'Notice', id: string, title: string, body: string, severity: NoticeSeverity, createdAt: string }> };

export type NoticePostedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NoticePostedSubscription = { __typename?: 'Subscription', noticePosted: { __typename?: 'Notice', id: string, title: string, body: string, severity: NoticeSeverity, createdAt: string } };

export type AcknowledgeNoticeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcknowledgeNoticeMutation = { __typename?: 'Mutation', acknowledgeNotice: { __typename?: 'NoticePayload', notice?: { __typename?: 'Notice', id: string, acknowledgedAt?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type RequiredPasswordChangeMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type RequiredPasswordChangeMutation = { __typename?: 'Mutation', changePassword: { __typename?: 'ChangePasswordPayload', ok: boolean, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type MembersQueryVariables = Exact<{ [key: string]: never; }>;


export type MembersQuery = { __typename?: 'Query', members: Array<{ __typename?: 'Member', id: string, email: string, role: Role, mfaEnabled: boolean, joinedAt: string, lastActiveAt?: string | null }> };

export type InviteMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMutation = { __typename?: 'Mutation', inviteMember: { __typename?: 'InvitePayload', code?: string | null, invite?: { __typename?: 'Invite', expiresAt: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type InvitesQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitesQuery = { __typename?: 'Query', invites: Array<{ __typename?: 'Invite', id: string, role?: Role | null, maxUses: number, usesLeft: number, expiresAt: string, createdByEmail?: string | null }> };

export type RevokeInviteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeInviteMutation = { __typename?: 'Mutation', revokeInvite: { __typename?: 'InvitePayload', invite?: { __typename?: 'Invite', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type ChangeRoleMutationVariables = Exact<{
  memberId: Scalars['ID']['input'];
  role: Role;
}>;


export type ChangeRoleMutation = { __typename?: 'Mutation', changeMemberRole: { __typename?: 'MemberPayload', member?: { __typename?: 'Member', id: string, role: Role } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type RemoveMemberMutationVariables = Exact<{
  memberId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember: { __typename?: 'RevokePayload', ok: boolean, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { __typename?: 'Query', apiTokens: Array<{ __typename?: 'ApiToken', id: string, name: string, scope: ApiTokenScope, ownerEmail?: string | null, createdAt: string, expiresAt: string, lastUsedAt?: string | null, active: boolean }> };

export type CreateTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateTokenMutation = { __typename?: 'Mutation', createApiToken: { __typename?: 'ApiTokenPayload', token?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type RevokeTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeTokenMutation = { __typename?: 'Mutation', revokeApiToken: { __typename?: 'ApiTokenPayload', errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { __typename?: 'Query', sessions: Array<{ __typename?: 'SessionInfo', id: string, email: string, ip: string, userAgent: string, createdAt: string, lastSeenAt: string, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeSessionMutation = { __typename?: 'Mutation', revokeSession: { __typename?: 'RevokePayload', ok: boolean, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type AuditQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', id: string, seq: number, action: string, actorEmail?: string | null, target?: string | null, ip?: string | null, occurredAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SecurityEventsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SecurityEventsQuery = { __typename?: 'Query', securityEvents: { __typename?: 'SecurityEventConnection', edges: Array<{ __typename?: 'SecurityEventEdge', node: { __typename?: 'SecurityEvent', id: string, kind: SecurityEventKind, severity: SecuritySeverity, details: unknown, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AccessReviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessReviewQuery = { __typename?: 'Query', accessReview?: { __typename?: 'AccessReview', id: string, trigger: string, createdAt: string, completedAt?: string | null, completedBy?: string | null, openFindings: number, findings: Array<{ __typename?: 'AccessFinding', id: string, kind: AccessFindingKind, subjectId?: string | null, summary: string, since?: string | null, open: boolean }> } | null };

export type RunAccessReviewMutationVariables = Exact<{ [key: string]: never; }>;


export type RunAccessReviewMutation = { __typename?: 'Mutation', runAccessReview: { __typename?: 'AccessReviewPayload', review?: { __typename?: 'AccessReview', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type CompleteAccessReviewMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type CompleteAccessReviewMutation = { __typename?: 'Mutation', completeAccessReview: { __typename?: 'AccessReviewPayload', review?: { __typename?: 'AccessReview', id: string } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type ThirdPartiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ThirdPartiesQuery = { __typename?: 'Query', thirdParties: Array<{ __typename?: 'ThirdParty', kind: ThirdPartyKind, id: string, name: string, destination: string, addedAt: string, lastUsedAt?: string | null, status: string }> };

export type ReviewRevokeTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReviewRevokeTokenMutation = { __typename?: 'Mutation', revokeApiToken: { __typename?: 'ApiTokenPayload', errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type ReviewRevokeInviteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReviewRevokeInviteMutation = { __typename?: 'Mutation', revokeInvite: { __typename?: 'InvitePayload', errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type ReviewRemoveMemberMutationVariables = Exact<{
  memberId: Scalars['ID']['input'];
}>;


export type ReviewRemoveMemberMutation = { __typename?: 'Mutation', removeMember: { __typename?: 'RevokePayload', errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string }> } };

export type UpdateAccountMutationVariables = Exact<{
  input: UpdateAccountSettingsInput;
}>;


export type UpdateAccountMutation = { __typename?: 'Mutation', updateAccountSettings: { __typename?: 'AccountPayload', account?: { __typename?: 'Account', id: string, name: string, mfaRequired: boolean } | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: { __typename?: 'ChangePasswordPayload', ok: boolean, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type DeleteAccountMutationVariables = Exact<{
  input: DeleteAccountInput;
}>;


export type DeleteAccountMutation = { __typename?: 'Mutation', deleteAccount: { __typename?: 'DeletePayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field?: string | null }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, email: string, mfaEnabled: boolean, passwordChangeRequired: boolean } | null };

export type AccountInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountInfoQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, name: string, role: Role, mfaRequired: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const StepUpDocument = new TypedDocumentString(`
    mutation StepUp($code: String!) {
  verifyMfa(input: {code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<StepUpMutation, StepUpMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut {
  logOut
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(input: {email: $email, password: $password}) {
    token
    mfaRequired
    mfaToken
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const VerifyMfaDocument = new TypedDocumentString(`
    mutation VerifyMfa($mfaToken: String!, $code: String!) {
  verifyMfa(input: {mfaToken: $mfaToken, code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyMfaMutation, VerifyMfaMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
  signUp(
    input: {inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName}
  ) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const StartTotpDocument = new TypedDocumentString(`
    mutation StartTotp($password: String!) {
  startTotpEnrollment(password: $password) {
    secret
    provisioningUri
    qrSvg
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<StartTotpMutation, StartTotpMutationVariables>;
export const ConfirmTotpDocument = new TypedDocumentString(`
    mutation ConfirmTotp($code: String!, $password: String!) {
  confirmTotpEnrollment(code: $code, password: $password) {
    recoveryCodes
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const BudgetsDocument = new TypedDocumentString(`
    query Budgets {
  budgets {
    id
    name
    amount
    currency
    period
    periodStart
    periodEnd
    spent
    remaining
    percentUsed
    estimated
    thresholds
    forecastAlert
    forecast {
      amount
      low
      high
      breachAt
    }
  }
}
    `) as unknown as TypedDocumentString<BudgetsQuery, BudgetsQueryVariables>;
export const CreateBudgetDocument = new TypedDocumentString(`
    mutation CreateBudget($input: BudgetInput!) {
  createBudget(input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<CreateBudgetMutation, CreateBudgetMutationVariables>;
export const UpdateBudgetDocument = new TypedDocumentString(`
    mutation UpdateBudget($id: ID!, $input: BudgetInput!) {
  updateBudget(id: $id, input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateBudgetMutation, UpdateBudgetMutationVariables>;
export const DeleteBudgetDocument = new TypedDocumentString(`
    mutation DeleteBudget($id: ID!) {
  deleteBudget(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteBudgetMutation, DeleteBudgetMutationVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($after: String) {
  alerts(first: 20, after: $after) {
    nodes {
      id
      kind
      severity
      title
      message
      budgetId
      createdAt
      acknowledgedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    alert {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const AlertRaisedDocument = new TypedDocumentString(`
    subscription AlertRaised {
  alertRaised {
    id
    kind
    severity
    title
    message
    budgetId
    createdAt
    acknowledgedAt
  }
}
    `) as unknown as TypedDocumentString<AlertRaisedSubscription, AlertRaisedSubscriptionVariables>;
export const ChannelsDocument = new TypedDocumentString(`
    query Channels {
  notificationChannels {
    id
    kind
    name
    targetHint
    alertKinds
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ChannelsQuery, ChannelsQueryVariables>;
export const CreateChannelDocument = new TypedDocumentString(`
    mutation CreateChannel($input: NotificationChannelInput!) {
  createNotificationChannel(input: $input) {
    channel {
      id
    }
    secret
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<CreateChannelMutation, CreateChannelMutationVariables>;
export const TestChannelDocument = new TypedDocumentString(`
    mutation TestChannel($id: ID!) {
  testNotificationChannel(id: $id) {
    delivery {
      status
      lastError
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TestChannelMutation, TestChannelMutationVariables>;
export const DeleteChannelDocument = new TypedDocumentString(`
    mutation DeleteChannel($id: ID!) {
  deleteNotificationChannel(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteChannelMutation, DeleteChannelMutationVariables>;
export const ConnectionsDocument = new TypedDocumentString(`
    query Connections {
  connections {
    id
    provider
    label
    keyHint
    status
    lastSyncedAt
    lastError
    frozen
  }
}
    `) as unknown as TypedDocumentString<ConnectionsQuery, ConnectionsQueryVariables>;
export const ConnectDocument = new TypedDocumentString(`
    mutation Connect($input: ConnectProviderInput!) {
  connectProvider(input: $input) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectMutation, ConnectMutationVariables>;
export const ReplaceKeyDocument = new TypedDocumentString(`
    mutation ReplaceKey($id: ID!, $apiKey: String!) {
  replaceProviderKey(id: $id, apiKey: $apiKey) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ReplaceKeyMutation, ReplaceKeyMutationVariables>;
export const RemoveConnectionDocument = new TypedDocumentString(`
    mutation RemoveConnection($id: ID!) {
  removeConnection(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveConnectionMutation, RemoveConnectionMutationVariables>;
export const SyncNowDocument = new TypedDocumentString(`
    mutation SyncNow($id: ID!) {
  syncConnection(id: $id) {
    alreadyActive
    run {
      status
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SyncNowMutation, SyncNowMutationVariables>;
export const UsageDocument = new TypedDocumentString(`
    query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
  usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    currency
    totalCost
    costBasis
    inputTokens
    outputTokens
    requests
    series {
      bucketStart
      provider
      model
      project
      apiKey
      connectionId
      cost
      costBasis
      connection {
        label
      }
    }
  }
  month: usage(filter: $month, granularity: MONTH) {
    currency
    totalCost
    costBasis
  }
  connections {
    id
    provider
    label
    status
    lastSyncedAt
    lastError
  }
}
    `) as unknown as TypedDocumentString<UsageQuery, UsageQueryVariables>;
export const RevisionsDocument = new TypedDocumentString(`
    query Revisions($filter: UsageFilter!) {
  usageRevisions(filter: $filter, first: 10) {
    edges {
      node {
        id
        kind
        bucketStart
        provider
        model
        project
        lineItem
        currency
        costDelta
        revisedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevisionsQuery, RevisionsQueryVariables>;
export const UsageUpdatedDocument = new TypedDocumentString(`
    subscription UsageUpdated {
  usageUpdated {
    connectionId
    rowsChanged
  }
}
    `) as unknown as TypedDocumentString<UsageUpdatedSubscription, UsageUpdatedSubscriptionVariables>;
export const SyncStatusLiveDocument = new TypedDocumentString(`
    subscription SyncStatusLive {
  syncStatus {
    connectionId
    status
    rowsChanged
    error
  }
}
    `) as unknown as TypedDocumentString<SyncStatusLiveSubscription, SyncStatusLiveSubscriptionVariables>;
export const NoticesDocument = new TypedDocumentString(`
    query Notices {
  notices {
    id
    title
    body
    severity
    createdAt
  }
}
    `) as unknown as TypedDocumentString<NoticesQuery, NoticesQueryVariables>;
export const NoticePostedDocument = new TypedDocumentString(`
    subscription NoticePosted {
  noticePosted {
    id
    title
    body
    severity
    createdAt
  }
}
    `) as unknown as TypedDocumentString<NoticePostedSubscription, NoticePostedSubscriptionVariables>;
export const AcknowledgeNoticeDocument = new TypedDocumentString(`
    mutation AcknowledgeNotice($id: ID!) {
  acknowledgeNotice(id: $id) {
    notice {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeNoticeMutation, AcknowledgeNoticeMutationVariables>;
export const RequiredPasswordChangeDocument = new TypedDocumentString(`
    mutation RequiredPasswordChange($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<RequiredPasswordChangeMutation, RequiredPasswordChangeMutationVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members {
  members {
    id
    email
    role
    mfaEnabled
    joinedAt
    lastActiveAt
  }
}
    `) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const InviteDocument = new TypedDocumentString(`
    mutation Invite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    code
    invite {
      expiresAt
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<InviteMutation, InviteMutationVariables>;
export const InvitesDocument = new TypedDocumentString(`
    query Invites {
  invites {
    id
    role
    maxUses
    usesLeft
    expiresAt
    createdByEmail
  }
}
    `) as unknown as TypedDocumentString<InvitesQuery, InvitesQueryVariables>;
export const RevokeInviteDocument = new TypedDocumentString(`
    mutation RevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    invite {
      id
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeInviteMutation, RevokeInviteMutationVariables>;
export const ChangeRoleDocument = new TypedDocumentString(`
    mutation ChangeRole($memberId: ID!, $role: Role!) {
  changeMemberRole(memberId: $memberId, role: $role) {
    member {
      id
      role
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeRoleMutation, ChangeRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    ok
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const TokensDocument = new TypedDocumentString(`
    query Tokens {
  apiTokens {
    id
    name
    scope
    ownerEmail
    createdAt
    expiresAt
    lastUsedAt
    active
  }
}
    `) as unknown as TypedDocumentString<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions {
  sessions {
    id
    email
    ip
    userAgent
    createdAt
    lastSeenAt
    current
  }
}
    `) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id) {
    ok
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const AuditDocument = new TypedDocumentString(`
    query Audit($after: String) {
  auditLog(first: 50, after: $after) {
    edges {
      node {
        id
        seq
        action
        actorEmail
        target
        ip
        occurredAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditQuery, AuditQueryVariables>;
export const SecurityEventsDocument = new TypedDocumentString(`
    query SecurityEvents($after: String) {
  securityEvents(first: 50, after: $after) {
    edges {
      node {
        id
        kind
        severity
        details
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityEventsQuery, SecurityEventsQueryVariables>;
export const AccessReviewDocument = new TypedDocumentString(`
    query AccessReview {
  accessReview {
    id
    trigger
    createdAt
    completedAt
    completedBy
    openFindings
    findings {
      id
      kind
      subjectId
      summary
      since
      open
    }
  }
}
    `) as unknown as TypedDocumentString<AccessReviewQuery, AccessReviewQueryVariables>;
export const RunAccessReviewDocument = new TypedDocumentString(`
    mutation RunAccessReview {
  runAccessReview {
    review {
      id
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RunAccessReviewMutation, RunAccessReviewMutationVariables>;
export const CompleteAccessReviewDocument = new TypedDocumentString(`
    mutation CompleteAccessReview($id: ID!, $note: String) {
  completeAccessReview(id: $id, note: $note) {
    review {
      id
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CompleteAccessReviewMutation, CompleteAccessReviewMutationVariables>;
export const ThirdPartiesDocument = new TypedDocumentString(`
    query ThirdParties {
  thirdParties {
    kind
    id
    name
    destination
    addedAt
    lastUsedAt
    status
  }
}
    `) as unknown as TypedDocumentString<ThirdPartiesQuery, ThirdPartiesQueryVariables>;
export const ReviewRevokeTokenDocument = new TypedDocumentString(`
    mutation ReviewRevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewRevokeTokenMutation, ReviewRevokeTokenMutationVariables>;
export const ReviewRevokeInviteDocument = new TypedDocumentString(`
    mutation ReviewRevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewRevokeInviteMutation, ReviewRevokeInviteMutationVariables>;
export const ReviewRemoveMemberDocument = new TypedDocumentString(`
    mutation ReviewRemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewRemoveMemberMutation, ReviewRemoveMemberMutationVariables>;
export const UpdateAccountDocument = new TypedDocumentString(`
    mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
  updateAccountSettings(input: $input) {
    account {
      id
      name
      mfaRequired
    }
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateAccountMutation, UpdateAccountMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($input: DeleteAccountInput!) {
  deleteAccount(input: $input) {
    deletedId
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  me {
    id
    email
    mfaEnabled
    passwordChangeRequired
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const AccountInfoDocument = new TypedDocumentString(`
    query AccountInfo {
  account {
    id
    name
    role
    mfaRequired
  }
}
    `) as unknown as TypedDocumentString<AccountInfoQuery, AccountInfoQueryVariables>;