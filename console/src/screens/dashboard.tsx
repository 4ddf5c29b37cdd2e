// The spend dashboard: this month's total and a linear forecast, spend over time stacked by
// one dimension (uPlot), top movers, reported vs estimated cost, live refresh as syncs land.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { request } from "../api";
import { graphql } from "../gql";
import type { CostBasis, Granularity, ProviderKind, RevisionsQuery, UsageDimension, UsageQuery } from "../gql/graphql";
import { liveAvailable, onReconnect, subscribe } from "../live";
import { Banner, messageOf, money, Page, Select, when } from "../ui";
import { EXPORT_PATH } from "../config";
import { csrfHeaders } from "../api";

const UsageDoc = graphql(`
  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
      currency totalCost costBasis inputTokens outputTokens requests
      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }
    }
    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }
    connections { id provider label status lastSyncedAt lastError }
  }
`);
const Revisions = graphql(`
  query Revisions($filter: UsageFilter!) {
    usageRevisions(filter: $filter, first: 10) {
      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }
    }
  }
`);
const UsageUpdated = graphql(`
  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }
`);
const SyncStatus = graphql(`
  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }
`);

type Point = UsageQuery["usage"]["series"][number];
const DAY = 86_400_000;
const PALETTE = ["#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626", "#6b7280"];
const DIMENSIONS = [["PROVIDER", "Provider"], ["MODEL", "Model"], ["PROJECT", "Project"],
  ["API_KEY", "API key"], ["CONNECTION", "Connection"]] as const;
const GRANULARITIES = [["HOUR", "Hour"], ["DAY", "Day"], ["WEEK", "Week"], ["MONTH", "Month"]] as const;
const PROVIDERS = [["ALL", "All providers"], ["OPENAI", "OpenAI"], ["ANTHROPIC", "Anthropic"],
  ["OPENROUTER", "OpenRouter"]] as const;
const PROVIDER_NAMES: Record<ProviderKind, string> = { OPENAI: "OpenAI", ANTHROPIC: "Anthropic", OPENROUTER: "OpenRouter" };
const BASIS: Record<CostBasis, string> = {
  REPORTED: "reported by the provider", ESTIMATED: "estimated from list prices",
  MIXED: "partly estimated", NONE: "no cost data",
};

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function groupOf(p: Point, dim: UsageDimension): string {
  switch (dim) {
    case "PROVIDER": return p.provider ? PROVIDER_NAMES[p.provider] : "unknown";
    case "MODEL": return p.model ?? "(no model)";
    case "PROJECT": return p.project ?? "(no project)";
    case "API_KEY": return p.apiKey ?? "(no key)";
    case "CONNECTION": return p.connection?.label ?? p.connectionId ?? "unknown";
  }
}

/** Per group: total and the change between the range's two halves. */
function summarise(series: Point[], dim: UsageDimension, mid: number) {
  const groups = new Map<string, { total: number; first: number; second: number; basis: Set<CostBasis> }>();
  for (const p of series) {
    const key = groupOf(p, dim);
    const g = groups.get(key) ?? { total: 0, first: 0, second: 0, basis: new Set() };
    const cost = Number(p.cost);
    g.total += cost;
    if (Date.parse(p.bucketStart) < mid) g.first += cost; else g.second += cost;
    g.basis.add(p.costBasis);
    groups.set(key, g);
  }
  return [...groups.entries()].sort((a, b) => b[1].total - a[1].total);
}

function Chart(props: { series: Point[]; dim: UsageDimension; currency: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || props.series.length === 0) return;
    const ranked = summarise(props.series, props.dim, 0).map(([k]) => k);
    const top = ranked.slice(0, 8);
    const names = ranked.length > 8 ? [...top, "other"] : top;
    const xs = [...new Set(props.series.map((p) => Date.parse(p.bucketStart) / 1000))].sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const raw = names.map(() => new Array<number>(xs.length).fill(0));
    for (const p of props.series) {
      const name = groupOf(p, props.dim);
      const row = top.includes(name) ? top.indexOf(name) : names.length - 1;
      raw[row][index.get(Date.parse(p.bucketStart) / 1000)!] += Number(p.cost);
    }
    // Stacked: each series is drawn as the running sum, widest first, filled to zero.
    const stacked = raw.map((_, i) => xs.map((__, j) => raw.slice(i).reduce((s, r) => s + r[j], 0)));
    const fmt = (v: number) => money(v, props.currency);
    const plot = new uPlot({
      width: el.clientWidth || 600,
      height: 280,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
      axes: [{ stroke: "currentColor" }, { stroke: "currentColor", values: (_u, vals) => vals.map(fmt), size: 70 }],
      series: [
        {},
        ...names.map((name, i) => ({
          label: name,
          stroke: PALETTE[i % PALETTE.length],
          fill: PALETTE[i % PALETTE.length] + "cc",
          width: 1,
          value: (_u: uPlot, _v: number, _s: number, idx: number | null) => idx == null ? "—" : fmt(raw[i][idx]),
        })),
      ],
    }, [xs, ...stacked], el);
    // First meaningful paint (ms since navigation), read by the browser test.
    document.body.dataset.chartPaint ??= String(Math.round(performance.now()));
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 280 }));
    resize.observe(el);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [props.series, props.dim, props.currency]);
  return <div class="chart" ref={host} role="img"
    aria-label="Stacked spend over time; the table below lists the same figures." />;
}

type Revision = RevisionsQuery["usageRevisions"]["edges"][number]["node"];

/** What the providers changed after reporting, in the range: reloaded whenever the spend is. */
function RevisedByProvider(props: { from: Date; to: Date; version: unknown }) {
  const [items, setItems] = useState<Revision[] | null>(null);
  useEffect(() => {
    request(Revisions, { filter: { from: props.from.toISOString(), to: props.to.toISOString() } })
      .then((r) => setItems(r.usageRevisions.edges.map((e) => e.node)), () => setItems(null));
  }, [props.from, props.to, props.version]);
  if (!items || items.length === 0) return null;
  return (
    <section aria-labelledby="revisions"><h2 id="revisions">Revised by the provider</h2>
      <ul class="movers" data-testid="revisions">{items.map((r) => (
        <li key={r.id}><strong>{PROVIDER_NAMES[r.provider]}</strong> {r.model ?? r.lineItem ?? r.project ?? ""}, {isoDay(new Date(r.bucketStart))}:{" "}
          {r.kind === "ADDED" ? "added" : r.kind === "REMOVED" ? "removed" : "changed"}{" "}
          {Number(r.costDelta) >= 0 ? "+" : "−"}{money(Math.abs(Number(r.costDelta)), r.currency)} <span class="muted">(revised {when(r.revisedAt)})</span></li>
      ))}</ul>
    </section>
  );
}

export function Dashboard(props: { days?: number; group?: string | null }) {
  const [days, setDays] = useState(props.days && props.days > 0 ? props.days : 30);
  const [dim, setDim] = useState<UsageDimension>(
    DIMENSIONS.find(([d]) => d === props.group)?.[0] ?? "PROVIDER");
  const [granularity, setGranularity] = useState<Granularity>("DAY");
  const [provider, setProvider] = useState<"ALL" | ProviderKind>("ALL");
  const [data, setData] = useState<UsageQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<string | null>(null);

  const range = useMemo(() => {
    const to = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1));
    return { from: new Date(to.getTime() - days * DAY), to };
  }, [days]);

  const load = async () => {
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    try {
      const result = await request(UsageDoc, {
        filter: {
          from: range.from.toISOString(), to: range.to.toISOString(),
          providers: provider === "ALL" ? null : [provider],
        },
        month: { from: monthStart.toISOString(), to: range.to.toISOString(),
          providers: provider === "ALL" ? null : [provider] },
        groupBy: [dim], granularity,
      });
      setData(result);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  useEffect(() => { void load(); }, [range, dim, granularity, provider]);

  const pending = data?.connections.some((c) => !c.lastSyncedAt && !c.lastError) ?? false;
  useEffect(() => {
    const offUsage = subscribe(UsageUpdated, (m) => {
      setLive(`New usage synced (${m.usageUpdated.rowsChanged} rows); updated ${new Date().toLocaleTimeString()}.`);
      void load();
    });
    const offSync = subscribe(SyncStatus, () => void load());
    const offReconnect = onReconnect(() => void load());  // events missed while away
    // Polling stays on beside the socket: a refused or dropped socket never freezes the page.
    const timer = setInterval(() => void load(), pending ? 10_000 : 60_000);
    return () => { offUsage?.(); offSync?.(); offReconnect(); clearInterval(timer); };
  }, [range, dim, granularity, provider, pending]);

  const mid = (range.from.getTime() + range.to.getTime()) / 2;
  const groups = data ? summarise(data.usage.series, dim, mid) : [];
  const movers = groups.filter(([, g]) => g.second !== g.first)
    .sort((a, b) => Math.abs(b[1].second - b[1].first) - Math.abs(a[1].second - a[1].first)).slice(0, 3);
  const currency = data?.usage.currency ?? "USD";
  const now = new Date();
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const elapsed = (now.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) / DAY;
  const forecast = data ? Number(data.month.totalCost) / Math.max(elapsed, 1 / 24) * daysInMonth : 0;

  const exportCsv = async () => {
    const params = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(),
      granularity, groupBy: dim });
    if (provider !== "ALL") params.set("providers", provider);
    try {
      const r = await fetch(`${EXPORT_PATH}?${params}`, { credentials: "same-origin", headers: csrfHeaders() });
      if (!r.ok) throw new Error();
      const url = URL.createObjectURL(await r.blob());
      const a = document.createElement("a");
      a.href = url; a.download = `meterwise-usage-${isoDay(range.from)}.csv`; a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      setError("The export failed; try again.");
    }
  };

  return (
    <Page title="Spend" actions={<button type="button" class="secondary" onClick={() => void exportCsv()}>Export CSV</button>}>
      <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <Select label="Range" name="range" value={String(days)}
          options={[["7", "Last 7 days"], ["30", "Last 30 days"], ["90", "Last 90 days"], ["365", "Last 12 months"],
            ...(([7, 30, 90, 365].includes(days) ? [] : [[String(days), `Last ${days} days`]]) as [string, string][])]}
          onChange={(v) => setDays(Number(v))} />
        <Select label="Granularity" name="granularity" value={granularity} options={GRANULARITIES} onChange={setGranularity} />
        <Select label="Group by" name="groupBy" value={dim} options={DIMENSIONS} onChange={setDim} />
        <Select label="Provider" name="provider" value={provider} options={PROVIDERS} onChange={setProvider} />
      </form>
      <Banner error={error} />
      <p class="live" role="status" aria-live="polite">
        {live ?? (liveAvailable() ? "Live updates on." : "Refreshing every minute.")}
      </p>
      {!data ? <p role="status">Loading spend…</p> : data.connections.length === 0 ? (
        <div class="empty">
          <h2>No usage yet</h2>
          <p>Connect a provider account and your first sync backfills the last 30 days.</p>
          <a class="button" href="#/connections">Connect a provider</a>
        </div>
      ) : (
        <>
          {pending && (
            <div class="progress" role="status">
              <label for="backfill">First sync running: backfilling the last 30 days…</label>
              <progress id="backfill" />
            </div>
          )}
          <dl class="totals">
            <div><dt>Spend in range</dt>
              <dd data-testid="total-cost" data-value={data.usage.totalCost}>{money(data.usage.totalCost, currency)}</dd>
              <dd class="basis">{BASIS[data.usage.costBasis]}</dd></div>
            <div><dt>This month</dt><dd data-testid="month-cost">{money(data.month.totalCost, currency)}</dd>
              <dd class="basis">forecast {money(forecast, currency)} (linear)</dd></div>
            <div><dt>Requests</dt><dd data-testid="requests">{Math.round(data.usage.requests).toLocaleString()}</dd></div>
            <div><dt>Tokens in / out</dt>
              <dd>{Math.round(data.usage.inputTokens).toLocaleString()} / {Math.round(data.usage.outputTokens).toLocaleString()}</dd></div>
          </dl>
          {data.usage.series.length === 0 ? (
            <div class="empty"><h2>No usage in this range</h2>
              <p>{pending ? "Your first sync is still running; figures appear as soon as it lands." : "Try a longer range or another provider."}</p></div>
          ) : (
            <>
              <Chart series={data.usage.series} dim={dim} currency={currency} />
              {movers.length > 0 && (
                <section aria-labelledby="movers"><h2 id="movers">Top movers</h2>
                  <ul class="movers">{movers.map(([name, g]) => (
                    <li key={name}><strong>{name}</strong>{" "}
                      {g.second >= g.first ? "up" : "down"} {money(Math.abs(g.second - g.first), currency)} vs the first half of the range</li>
                  ))}</ul>
                </section>
              )}
              <RevisedByProvider from={range.from} to={range.to} version={data} />
              <div class="table-wrap" tabIndex={0}>
                <table>
                  <caption>Spend by {DIMENSIONS.find(([d]) => d === dim)![1].toLowerCase()}</caption>
                  <thead><tr><th scope="col">{DIMENSIONS.find(([d]) => d === dim)![1]}</th><th scope="col">Spend</th><th scope="col">Cost source</th></tr></thead>
                  <tbody>{groups.map(([name, g]) => (
                    <tr key={name}><td>{name}</td><td>{money(g.total, currency)}</td>
                      <td>{g.basis.size === 1 ? BASIS[[...g.basis][0]] : "partly estimated"}</td></tr>
                  ))}</tbody>
                </table>
              </div>
            </>
          )}
          <p class="hint">Connections: {data.connections.map((c) => `${c.label} (last sync ${when(c.lastSyncedAt)})`).join(", ")}</p>
        </>
      )}
    </Page>
  );
}
