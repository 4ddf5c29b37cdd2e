// Members and invites (roles), API tokens, and sessions.
import { useState } from "preact/hooks";
import { mutate, request } from "../api";
import { graphql } from "../gql";
import type { ApiTokenScope, InvitesQuery, MembersQuery, Role, SessionsQuery, TokensQuery } from "../gql/graphql";
import type { AccountInfo } from "../session";
import { isAdmin } from "../session";
import { Banner, Field, firstError, Page, Select, useAction, useList, when } from "../ui";

const Members = graphql(`query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }`);
const Invite = graphql(`
  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }
`);
const Invites = graphql(`query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }`);
const RevokeInvite = graphql(`mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }`);
const ChangeRole = graphql(`
  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }
`);
const RemoveMember = graphql(`mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }`);
const Tokens = graphql(`query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }`);
const CreateToken = graphql(`
  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }
`);
const RevokeToken = graphql(`mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }`);
const Sessions = graphql(`query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }`);
const RevokeSession = graphql(`mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }`);

const ROLES = [["OWNER", "Owner"], ["ADMIN", "Admin"], ["MEMBER", "Member"], ["VIEWER", "Viewer"]] as const;

export function MembersScreen(props: { account: AccountInfo | null }) {
  const list = useList<MembersQuery["members"][number]>(() => request(Members, {}).then((r) => r.members));
  const invites = useList<InvitesQuery["invites"][number]>(() => isAdmin(props.account)
    ? request(Invites, {}).then((r) => r.invites) : Promise.resolve([]));
  const [role, setRole] = useState<Role>("MEMBER");
  const [uses, setUses] = useState("1");
  const [code, setCode] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const owner = props.account?.role === "OWNER";
  return (
    <Page title="Members">
      <Banner error={list.error ?? error} />
      {list.items === null ? <p role="status">Loading…</p> : (
        <div class="table-wrap" tabIndex={0}><table>
          <caption>People in {props.account?.name ?? "this account"}</caption>
          <thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Two-factor</th><th scope="col">Last active</th>{isAdmin(props.account) && <th scope="col"><span class="sr-only">Actions</span></th>}</tr></thead>
          <tbody>{list.items.map((m) => (
            <tr key={m.id}><td>{m.email}</td>
              <td>{owner ? (
                <select aria-label={`Role of ${m.email}`} value={m.role} disabled={busy}
                  onChange={(e) => void run(async () => {
                    const r = await mutate(ChangeRole, { memberId: m.id, role: (e.target as HTMLSelectElement).value as Role },
                      (x) => x.changeMemberRole.errors);
                    await list.reload();
                    return firstError(r.changeMemberRole.errors);
                  })}>
                  {ROLES.map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                </select>) : m.role.toLowerCase()}</td>
              <td>{m.mfaEnabled ? "on" : "off"}</td><td>{when(m.lastActiveAt)}</td>
              {isAdmin(props.account) && <td><button type="button" class="danger small" disabled={busy}
                onClick={() => void run(async () => {
                  if (!confirm(`Remove ${m.email} from the account?`)) return null;
                  const r = await mutate(RemoveMember, { memberId: m.id }, (x) => x.removeMember.errors);
                  await list.reload();
                  return firstError(r.removeMember.errors);
                })}>Remove</button></td>}
            </tr>))}</tbody>
        </table></div>
      )}
      {isAdmin(props.account) && (
        <section class="card" aria-labelledby="invite-title">
          <h2 id="invite-title">Invite someone</h2>
          <form onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const r = await mutate(Invite, { input: { role, uses: Number(uses) || 1 } }, (x) => x.inviteMember.errors);
              if (r.inviteMember.errors.length) return firstError(r.inviteMember.errors);
              setCode(r.inviteMember.code ?? null);
              await invites.reload();
              return null;
            });
          }}>
            <Select label="Role" name="inviteRole" value={role} options={ROLES.filter(([r]) => r !== "OWNER")} onChange={setRole} />
            <Field label="Uses" name="uses" type="number" value={uses} onInput={setUses} />
            <button type="submit" disabled={busy}>Create invite</button>
          </form>
          {code && <p role="status">Invite code (shown once): <code data-testid="invite-code">{code}</code>. They sign up at <code>{location.origin}/#/signup?invite={code}</code></p>}
          <Banner error={invites.error} />
          {invites.items !== null && (invites.items.length === 0 ? <p class="empty">No open invites.</p> : (
            <div class="table-wrap" tabIndex={0}><table><caption>Open invites</caption>
              <thead><tr><th scope="col">Role</th><th scope="col">Uses left</th><th scope="col">Expires</th><th scope="col">Created by</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
              <tbody>{invites.items.map((i) => (
                <tr key={i.id}><td>{i.role?.toLowerCase() ?? "new account"}</td><td>{i.usesLeft} of {i.maxUses}</td>
                  <td>{when(i.expiresAt)}</td><td>{i.createdByEmail ?? "unknown"}</td>
                  <td><button type="button" class="danger small" disabled={busy} aria-label={`Revoke the ${i.role?.toLowerCase() ?? ""} invite expiring ${when(i.expiresAt)}`}
                    onClick={() => void run(async () => {
                      const r = await mutate(RevokeInvite, { id: i.id }, (x) => x.revokeInvite.errors);
                      await invites.reload();
                      return firstError(r.revokeInvite.errors);
                    })}>Revoke</button></td></tr>))}</tbody></table></div>
          ))}
        </section>
      )}
    </Page>
  );
}

export function TokensScreen() {
  const list = useList<TokensQuery["apiTokens"][number]>(() => request(Tokens, {}).then((r) => r.apiTokens));
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiTokenScope>("READ_USAGE");
  const [days, setDays] = useState("90");
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <Page title="API tokens">
      <Banner error={list.error ?? error} />
      {list.items === null ? <p role="status">Loading…</p> : list.items.length === 0 ? <p class="empty">No API tokens yet.</p> : (
        <div class="table-wrap" tabIndex={0}><table><caption>Tokens for programs and dashboards</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Scope</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>{list.items.map((t) => (
            <tr key={t.id}><td>{t.name}</td><td>{t.scope === "FULL" ? "full" : "read usage"}</td><td>{when(t.expiresAt)}</td><td>{when(t.lastUsedAt)}</td>
              <td>{t.active ? <button type="button" class="danger small" disabled={busy} onClick={() => void run(async () => {
                const r = await request(RevokeToken, { id: t.id });
                await list.reload();
                return firstError(r.revokeApiToken.errors);
              })}>Revoke</button> : "revoked"}</td></tr>))}</tbody></table></div>
      )}
      <section class="card" aria-labelledby="new-token"><h2 id="new-token">New token</h2>
        <form onSubmit={(e) => { e.preventDefault(); void run(async () => {
          const r = await mutate(CreateToken, { input: { name, scope, expiresInDays: Number(days) || 90 } },
            (x) => x.createApiToken.errors);
          if (r.createApiToken.errors.length) return firstError(r.createApiToken.errors);
          setSecret(r.createApiToken.token ?? null); setName(""); await list.reload();
          return null;
        }); }}>
          <Field label="Name" name="tokenName" value={name} onInput={setName} required />
          <Select label="Scope" name="scope" value={scope} options={[["READ_USAGE", "Read usage only"], ["FULL", "Full access"]]} onChange={setScope} />
          <Field label="Expires in (days)" name="expiresInDays" type="number" value={days} onInput={setDays} />
          <button type="submit" disabled={busy}>Create token</button>
        </form>
        {secret && <p role="status">Copy it now, it is not shown again: <code>{secret}</code></p>}
      </section>
    </Page>
  );
}

export function SessionsScreen() {
  const list = useList<SessionsQuery["sessions"][number]>(() => request(Sessions, {}).then((r) => r.sessions));
  const { busy, error, run } = useAction();
  return (
    <Page title="Sessions">
      <Banner error={list.error ?? error} />
      {list.items === null ? <p role="status">Loading…</p> : (
        <div class="table-wrap" tabIndex={0}><table><caption>Where you are signed in</caption>
          <thead><tr><th scope="col">Device</th><th scope="col">IP</th><th scope="col">Last seen</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>{list.items.map((s) => (
            <tr key={s.id}><td>{s.userAgent.slice(0, 80) || "unknown"}</td><td>{s.ip}</td><td>{when(s.lastSeenAt)}</td>
              <td>{s.current ? "this session" : <button type="button" class="danger small" disabled={busy} onClick={() => void run(async () => {
                const r = await request(RevokeSession, { id: s.id });
                await list.reload();
                return firstError(r.revokeSession.errors);
              })}>Revoke</button>}</td></tr>))}</tbody></table></div>
      )}
    </Page>
  );
}
