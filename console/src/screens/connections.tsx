// Provider connections: add a key (with how to get a usage-only key), status, last sync and
// error, sync now, replace the key, remove.
import { useEffect, useState } from "preact/hooks";
import { mutate, request } from "../api";
import { graphql } from "../gql";
import type { ConnectionsQuery, ProviderKind } from "../gql/graphql";
import type { AccountInfo } from "../session";
import { canWrite, isAdmin } from "../session";
import { Banner, Field, firstError, messageOf, Page, Select, useAction, when } from "../ui";

const Connections = graphql(`
  query Connections { connections { id provider label keyHint status lastSyncedAt lastError frozen } }
`);
const Connect = graphql(`
  mutation Connect($input: ConnectProviderInput!) {
    connectProvider(input: $input) { connection { id } errors { code message field } }
  }
`);
const ReplaceKey = graphql(`
  mutation ReplaceKey($id: ID!, $apiKey: String!) {
    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }
  }
`);
const Remove = graphql(`
  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }
`);
const SyncNow = graphql(`
  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }
`);

export const PROVIDER_HELP: Record<ProviderKind, { name: string; steps: string }> = {
  OPENAI: { name: "OpenAI", steps: "In platform.openai.com → Settings → Organization → Admin keys, create an Admin key (it starts with sk-admin-). Meterwise only reads the usage and costs endpoints." },
  ANTHROPIC: { name: "Anthropic", steps: "In console.anthropic.com → Settings → Admin keys, create an Admin key (it starts with sk-ant-admin). Only organisation admins can create one; Meterwise only reads usage and cost reports." },
  OPENROUTER: { name: "OpenRouter", steps: "In openrouter.ai → Settings → Management keys, create a management key. Meterwise only reads credits and activity." },
};

type Connection = ConnectionsQuery["connections"][number];

function Row(props: { c: Connection; account: AccountInfo | null; reload: () => void }) {
  const { c } = props;
  const [replacing, setReplacing] = useState(false);
  const [key, setKey] = useState("");
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const status = c.frozen ? "frozen" : c.lastError ? "error" : c.lastSyncedAt ? "ok" : "pending";
  return (
    <li class="card" aria-label={`${c.label} (${PROVIDER_HELP[c.provider].name})`}>
      <h2>{c.label} <span class="muted">{PROVIDER_HELP[c.provider].name} · key …{c.keyHint}</span></h2>
      <p><span class={`status ${status}`}>{c.status}</span> · last sync {when(c.lastSyncedAt)}</p>
      {c.frozen && <p class="field-error" data-testid="frozen">Frozen by the operator during a
        security incident: nothing syncs and the key stays sealed until it is released.</p>}
      {c.lastError && <p class="field-error">Last error: {c.lastError}</p>}
      {status === "pending" && (
        <div class="progress" role="status">
          <label for={`sync-${c.id}`}>First sync running: backfilling the last 30 days…</label>
          <progress id={`sync-${c.id}`} />
        </div>
      )}
      <Banner error={error} notice={notice} />
      <div class="row">
        {canWrite(props.account) && (
          <button type="button" disabled={busy} onClick={() => void run(async () => {
            const { syncConnection: r } = await request(SyncNow, { id: c.id });
            if (r.errors.length) return firstError(r.errors);
            setNotice(r.alreadyActive ? "A sync is already running." : "Sync queued.");
            props.reload();
            return null;
          })}>Sync now</button>
        )}
        {isAdmin(props.account) && (
          <>
            <button type="button" class="secondary" aria-expanded={replacing}
              onClick={() => setReplacing(!replacing)}>Replace key</button>
            <button type="button" class="danger" disabled={busy} onClick={() => void run(async () => {
              if (!confirm(`Remove ${c.label}? Its synced usage is deleted too.`)) return null;
              const { removeConnection: r } = await mutate(Remove, { id: c.id }, (x) => x.removeConnection.errors);
              if (r.errors.length) return firstError(r.errors);
              props.reload();
              return null;
            })}>Remove</button>
          </>
        )}
      </div>
      {replacing && (
        <form onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const r = await mutate(ReplaceKey, { id: c.id, apiKey: key }, (x) => x.replaceProviderKey.errors);
            if (r.replaceProviderKey.errors.length) return firstError(r.replaceProviderKey.errors);
            setKey(""); setReplacing(false); setNotice("Key replaced."); props.reload();
            return null;
          });
        }}>
          <Field label="New key" name={`key-${c.id}`} type="password" value={key} onInput={setKey} required />
          <button type="submit" disabled={busy}>Save key</button>
        </form>
      )}
    </li>
  );
}

export function ConnectionsScreen(props: { account: AccountInfo | null }) {
  const [list, setList] = useState<Connection[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [provider, setProvider] = useState<ProviderKind>("OPENAI");
  const [label, setLabel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () => request(Connections, {}).then((r) => setList(r.connections), (e) => setLoadError(messageOf(e)));
  useEffect(() => { void reload(); }, []);
  const pending = list?.some((c) => !c.lastSyncedAt && !c.lastError) ?? false;
  useEffect(() => {  // until every first sync has landed or failed
    if (!pending) return;
    const timer = setInterval(() => void reload(), 5000);
    return () => clearInterval(timer);
  }, [pending]);

  return (
    <Page title="Connections">
      <Banner error={loadError} />
      {list === null ? <p role="status">Loading…</p> : list.length === 0 ? (
        <p class="empty">No provider connected yet.{isAdmin(props.account) ? " Add one below." : " Ask an admin to add one."}</p>
      ) : <ul class="cards">{list.map((c) => <Row key={c.id} c={c} account={props.account} reload={reload} />)}</ul>}
      {isAdmin(props.account) && (
        <section aria-labelledby="add-connection" class="card">
          <h2 id="add-connection">Add a connection</h2>
          <Banner error={error} notice={notice} />
          <form onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const r = await mutate(Connect, { input: { provider, label: label || PROVIDER_HELP[provider].name, apiKey } },
                (x) => x.connectProvider.errors);
              if (r.connectProvider.errors.length) return firstError(r.connectProvider.errors);
              setApiKey(""); setLabel("");
              setNotice("Connected. The first sync is backfilling the last 30 days; the dashboard fills in as it lands.");
              await reload();
              return null;
            });
          }}>
            <Select label="Provider" name="provider" value={provider}
              options={(Object.keys(PROVIDER_HELP) as ProviderKind[]).map((k) => [k, PROVIDER_HELP[k].name] as const)}
              onChange={setProvider} />
            <p class="hint" id="provider-help">{PROVIDER_HELP[provider].steps}</p>
            <Field label="Label" name="label" value={label} onInput={setLabel} hint="e.g. Production org" />
            <Field label="Admin / usage key" name="apiKey" type="password" value={apiKey} onInput={setApiKey} required
              hint="Checked with the provider, then sealed at once; it is never shown again." />
            <button type="submit" disabled={busy}>{busy ? "Checking key…" : "Connect"}</button>
          </form>
        </section>
      )}
    </Page>
  );
}
