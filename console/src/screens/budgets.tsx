// Budgets (spend against an amount, with the forecast and its interval), the alerts they and
// the other checks raise (paged, acknowledge, live), and where alerts are sent (channels).
import { useEffect, useState } from "preact/hooks";
import { mutate, request } from "../api";
import { graphql } from "../gql";
import type { AlertsQuery, BudgetPeriod, BudgetsQuery, ChannelKind, ChannelsQuery } from "../gql/graphql";
import { subscribe } from "../live";
import type { AccountInfo } from "../session";
import { isAdmin } from "../session";
import { Banner, Field, firstError, messageOf, money, Page, Select, useAction, useList, when } from "../ui";

const Budgets = graphql(`
  query Budgets {
    budgets {
      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated
      thresholds forecastAlert forecast { amount low high breachAt }
    }
  }
`);
const CreateBudget = graphql(`
  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }
`);
const UpdateBudget = graphql(`
  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }
`);
const DeleteBudget = graphql(`
  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }
`);
const Alerts = graphql(`
  query Alerts($after: String) {
    alerts(first: 20, after: $after) {
      nodes { id kind severity title message budgetId createdAt acknowledgedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const Acknowledge = graphql(`
  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }
`);
const AlertRaised = graphql(`
  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }
`);
const Channels = graphql(`query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }`);
const CreateChannel = graphql(`
  mutation CreateChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }
  }
`);
const TestChannel = graphql(`
  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }
`);
const DeleteChannel = graphql(`
  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }
`);

type Budget = BudgetsQuery["budgets"][number];
type Alert = AlertsQuery["alerts"]["nodes"][number];
type Channel = ChannelsQuery["notificationChannels"][number];

const PERIODS = [["DAY", "Day"], ["WEEK", "Week"], ["MONTH", "Month"], ["QUARTER", "Quarter"]] as const;
const CHANNEL_KINDS = [["WEBHOOK", "Webhook"], ["SLACK", "Slack"], ["EMAIL", "E-mail"]] as const;

/** Spent, and the forecast, as bars against the amount: people would rather look than read. */
function BudgetBars(props: { b: Budget }) {
  const { b } = props;
  const amount = Number(b.amount);
  const f = b.forecast;
  return (
    <div class="bars">
      <label for={`spent-${b.id}`}>Spent {money(b.spent, b.currency)} of {money(b.amount, b.currency)}
        {" "}(<span data-testid="budget-percent">{Math.round(b.percentUsed)}%</span>){b.estimated ? ", partly estimated" : ""}</label>
      <meter id={`spent-${b.id}`} min={0} max={amount} low={amount * 0.8} high={amount} optimum={0}
        value={Math.min(Number(b.spent), amount)} />
      {f && (
        <>
          <label for={`forecast-${b.id}`}>Forecast at period end {money(f.amount, b.currency)}
            {" "}(90%: {money(f.low, b.currency)}–{money(f.high, b.currency)})
            {f.breachAt ? <>; reaches the budget {when(f.breachAt)}</> : ""}</label>
          <meter id={`forecast-${b.id}`} min={0} max={amount} low={amount * 0.8} high={amount} optimum={0}
            value={Math.min(Number(f.amount), amount)} />
        </>
      )}
    </div>
  );
}

function BudgetForm(props: { budget?: Budget; onDone: () => void; onCancel?: () => void }) {
  const b = props.budget;
  const [name, setName] = useState(b?.name ?? "");
  const [amount, setAmount] = useState(b ? String(Number(b.amount)) : "");
  const [period, setPeriod] = useState<BudgetPeriod>(b?.period ?? "MONTH");
  const [thresholds, setThresholds] = useState((b?.thresholds ?? [50, 80, 100]).join(", "));
  const [forecastAlert, setForecastAlert] = useState(b?.forecastAlert ?? true);
  const { busy, error, run } = useAction();
  const suffix = b?.id ?? "new";
  return (
    <form aria-label={b ? `Edit ${b.name}` : "New budget"} onSubmit={(e) => {
      e.preventDefault();
      void run(async () => {
        const levels = thresholds.split(/[\s,]+/).filter(Boolean).map(Number);
        if (levels.some((n) => !Number.isInteger(n))) return "Thresholds are whole percentages, e.g. 50, 80, 100.";
        const input = { name, amount, period, thresholds: levels, forecastAlert };
        const errors = b
          ? (await mutate(UpdateBudget, { id: b.id, input }, (x) => x.updateBudget.errors)).updateBudget.errors
          : (await mutate(CreateBudget, { input }, (x) => x.createBudget.errors)).createBudget.errors;
        if (errors.length) return firstError(errors);
        if (!b) { setName(""); setAmount(""); }
        props.onDone();
        return null;
      });
    }}>
      <Banner error={error} />
      <Field label="Name" name={`budget-name-${suffix}`} value={name} onInput={setName} required />
      <Field label="Amount (USD)" name={`budget-amount-${suffix}`} type="number" value={amount} onInput={setAmount} required />
      <Select label="Period" name={`budget-period-${suffix}`} value={period} options={PERIODS} onChange={setPeriod} />
      <Field label="Alert at (% of the amount)" name={`budget-thresholds-${suffix}`} value={thresholds}
        onInput={setThresholds} hint="Comma-separated, e.g. 50, 80, 100." />
      <div class="field check">
        <input id={`f-budget-forecast-${suffix}`} type="checkbox" checked={forecastAlert}
          onChange={(e) => setForecastAlert((e.target as HTMLInputElement).checked)} />
        <label for={`f-budget-forecast-${suffix}`}>Alert when the forecast exceeds the amount</label>
      </div>
      <div class="row">
        <button type="submit" disabled={busy}>{b ? "Save budget" : "Create budget"}</button>
        {props.onCancel && <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>}
      </div>
    </form>
  );
}

function BudgetCard(props: { b: Budget; admin: boolean; reload: () => void }) {
  const { b } = props;
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <li class="card" aria-label={b.name}>
      <h2>{b.name} <span class="muted">per {b.period.toLowerCase()} · {when(b.periodStart)} to {when(b.periodEnd)}</span></h2>
      <BudgetBars b={b} />
      <p class="hint">Alerts at {b.thresholds.map((t) => `${t}%`).join(", ") || "no threshold"}
        {b.forecastAlert ? " and when the forecast exceeds it" : ""}.</p>
      <Banner error={error} />
      {props.admin && (editing
        ? <BudgetForm budget={b} onDone={() => { setEditing(false); props.reload(); }} onCancel={() => setEditing(false)} />
        : (
          <div class="row">
            <button type="button" class="secondary" onClick={() => setEditing(true)}>Edit</button>
            <button type="button" class="danger" disabled={busy} onClick={() => void run(async () => {
              if (!confirm(`Delete the budget ${b.name}? Its alerts stay.`)) return null;
              const r = await mutate(DeleteBudget, { id: b.id }, (x) => x.deleteBudget.errors);
              if (r.deleteBudget.errors.length) return firstError(r.deleteBudget.errors);
              props.reload();
              return null;
            })}>Delete</button>
          </div>
        ))}
    </li>
  );
}

export function BudgetsScreen(props: { account: AccountInfo | null }) {
  const list = useList<Budget>(() => request(Budgets, {}).then((r) => r.budgets));
  const admin = isAdmin(props.account);
  return (
    <Page title="Budgets">
      <Banner error={list.error} />
      {list.items === null ? <p role="status">Loading…</p> : list.items.length === 0 ? (
        <p class="empty">No budgets yet.{admin ? " Create one below; alerts fire as spend crosses its thresholds." : " Ask an admin to set one."}</p>
      ) : <ul class="cards">{list.items.map((b) => <BudgetCard key={b.id} b={b} admin={admin} reload={() => void list.reload()} />)}</ul>}
      {admin && (
        <section class="card" aria-labelledby="new-budget">
          <h2 id="new-budget">New budget</h2>
          <BudgetForm onDone={() => void list.reload()} />
        </section>
      )}
    </Page>
  );
}

function ChannelsSection() {
  const list = useList<Channel>(() => request(Channels, {}).then((r) => r.notificationChannels));
  const [kind, setKind] = useState<ChannelKind>("WEBHOOK");
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section class="card" aria-labelledby="channels-title">
      <h2 id="channels-title">Notification channels</h2>
      <Banner error={list.error ?? error} notice={notice} />
      {list.items === null ? <p role="status">Loading…</p> : list.items.length === 0 ? <p class="empty">No channels yet: alerts show here only.</p> : (
        <div class="table-wrap" tabIndex={0}><table><caption>Where alerts are sent</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Target</th><th scope="col">Alerts</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>{list.items.map((c) => (
            <tr key={c.id}><td>{c.name}</td><td>{c.kind.toLowerCase()}</td><td>{c.targetHint}</td>
              <td>{c.alertKinds.length ? c.alertKinds.map((k) => k.toLowerCase().replace(/_/g, " ")).join(", ") : "all"}</td>
              <td class="row">
                <button type="button" class="secondary small" disabled={busy} onClick={() => void run(async () => {
                  const r = await mutate(TestChannel, { id: c.id }, (x) => x.testNotificationChannel.errors);
                  if (r.testNotificationChannel.errors.length) return firstError(r.testNotificationChannel.errors);
                  const d = r.testNotificationChannel.delivery;
                  setNotice(`Test to ${c.name}: ${d?.status ?? "queued"}${d?.lastError ? ` (${d.lastError})` : ""}.`);
                  return null;
                })}>Send test</button>
                <button type="button" class="danger small" disabled={busy} onClick={() => void run(async () => {
                  if (!confirm(`Remove the channel ${c.name}?`)) return null;
                  const r = await mutate(DeleteChannel, { id: c.id }, (x) => x.deleteNotificationChannel.errors);
                  await list.reload();
                  return firstError(r.deleteNotificationChannel.errors);
                })}>Remove</button>
              </td></tr>))}</tbody></table></div>
      )}
      <form aria-label="Add a channel" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const r = await mutate(CreateChannel, { input: { kind, name, target } }, (x) => x.createNotificationChannel.errors);
          if (r.createNotificationChannel.errors.length) return firstError(r.createNotificationChannel.errors);
          setSecret(r.createNotificationChannel.secret ?? null);
          setName(""); setTarget(""); setNotice(null);
          await list.reload();
          return null;
        });
      }}>
        <Select label="Kind" name="channelKind" value={kind} options={CHANNEL_KINDS} onChange={setKind} />
        <Field label="Channel name" name="channelName" value={name} onInput={setName} required />
        <Field label={kind === "EMAIL" ? "E-mail address" : "URL"} name="channelTarget" value={target} onInput={setTarget} required
          hint="Write-only: only its host (or e-mail domain) is shown afterwards." />
        <button type="submit" disabled={busy}>Add channel</button>
      </form>
      {secret && <p role="status">Signing secret (shown once; verify webhooks with it): <code data-testid="channel-secret">{secret}</code></p>}
    </section>
  );
}

export function AlertsScreen(props: { account: AccountInfo | null }) {
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = async (after: string | null) => {
    try {
      const { alerts: page } = await request(Alerts, { after });
      setAlerts((old) => after && old ? [...old, ...page.nodes] : page.nodes);
      setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null);
      setLoadError(null);
    } catch (err) {
      setLoadError(messageOf(err));
    }
  };
  useEffect(() => {
    void load(null);
    const off = subscribe(AlertRaised, (m) => setAlerts((old) =>
      old?.some((a) => a.id === m.alertRaised.id) ? old : [m.alertRaised, ...(old ?? [])]));
    if (off) return off;
    const timer = setInterval(() => void load(null), 60_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <Page title="Alerts">
      <Banner error={loadError ?? error} />
      {alerts === null ? <p role="status">Loading…</p> : alerts.length === 0 ? (
        <p class="empty">No alerts yet. Budgets, anomalies and failing syncs raise them here.</p>
      ) : (
        <ul class="cards" aria-label="Alerts">{alerts.map((a) => (
          <li key={a.id} class={`card alert ${a.acknowledgedAt ? "seen" : ""}`} aria-label={a.title}>
            <h2>{a.title} <span class="muted">{a.kind.toLowerCase().replace(/_/g, " ")} · {a.severity} · {when(a.createdAt)}</span></h2>
            <p>{a.message}</p>
            {a.budgetId && <p><a href="#/budgets">See the budget</a></p>}
            {a.acknowledgedAt ? <p class="hint">Acknowledged {when(a.acknowledgedAt)}</p> : (
              <button type="button" class="secondary small" disabled={busy} onClick={() => void run(async () => {
                const r = await mutate(Acknowledge, { id: a.id }, (x) => x.acknowledgeAlert.errors);
                if (r.acknowledgeAlert.errors.length) return firstError(r.acknowledgeAlert.errors);
                const at = r.acknowledgeAlert.alert?.acknowledgedAt ?? new Date().toISOString();
                setAlerts((old) => old?.map((x) => x.id === a.id ? { ...x, acknowledgedAt: at } : x) ?? old);
                return null;
              })}>Acknowledge</button>
            )}
          </li>))}
        </ul>
      )}
      {next && <button type="button" class="secondary" onClick={() => void load(next)}>Load older alerts</button>}
      {isAdmin(props.account) && <ChannelsSection />}
    </Page>
  );
}
