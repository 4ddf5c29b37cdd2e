// The audit log and security events: newest first, paged with "Load more".
import { useEffect, useState } from "preact/hooks";
import { request } from "../api";
import { graphql } from "../gql";
import type { AuditQuery, SecurityEventsQuery } from "../gql/graphql";
import { Banner, messageOf, Page, when } from "../ui";

const Audit = graphql(`
  query Audit($after: String) {
    auditLog(first: 50, after: $after) {
      edges { node { id seq action actorEmail target ip occurredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const Events = graphql(`
  query SecurityEvents($after: String) {
    securityEvents(first: 50, after: $after) {
      edges { node { id kind severity details createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type Paged<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

function usePaged<T>(load: (after: string | null) => Promise<Paged<T>>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = (after: string | null) => load(after).then((page) => {
    setItems((old) => [...(after ? old ?? [] : []), ...page.edges.map((e) => e.node)]);
    setCursor(page.pageInfo.endCursor ?? null);
    setMore(page.pageInfo.hasNextPage);
  }, (e) => setError(messageOf(e)));
  useEffect(() => { void next(null); }, []);
  return { items, error, more, loadMore: () => void next(cursor) };
}

export function AuditScreen() {
  const p = usePaged<AuditQuery["auditLog"]["edges"][number]["node"]>((after) => request(Audit, { after }).then((r) => r.auditLog));
  return (
    <Page title="Audit log">
      <Banner error={p.error} />
      {p.items === null ? <p role="status">Loading…</p> : p.items.length === 0 ? <p class="empty">Nothing recorded yet.</p> : (
        <div class="table-wrap" tabIndex={0}><table><caption>Every change to the account, hash-chained</caption>
          <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP</th></tr></thead>
          <tbody>{p.items.map((e) => (
            <tr key={e.id}><td>{e.seq}</td><td>{when(e.occurredAt)}</td><td>{e.actorEmail ?? "system"}</td><td>{e.action}</td><td>{e.target ?? ""}</td><td>{e.ip ?? ""}</td></tr>
          ))}</tbody></table></div>
      )}
      {p.more && <button type="button" class="secondary" onClick={p.loadMore}>Load more</button>}
    </Page>
  );
}

export function SecurityScreen() {
  const p = usePaged<SecurityEventsQuery["securityEvents"]["edges"][number]["node"]>((after) => request(Events, { after }).then((r) => r.securityEvents));
  return (
    <Page title="Security events">
      <Banner error={p.error} />
      {p.items === null ? <p role="status">Loading…</p> : p.items.length === 0 ? <p class="empty">No security events. Sign-in failures, rate limiting and unusual access show up here.</p> : (
        <div class="table-wrap" tabIndex={0}><table><caption>Suspicious or notable activity</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Severity</th><th scope="col">Kind</th><th scope="col">Details</th></tr></thead>
          <tbody>{p.items.map((e) => (
            <tr key={e.id}><td>{when(e.createdAt)}</td><td><span class={`sev ${e.severity.toLowerCase()}`}>{e.severity.toLowerCase()}</span></td><td>{e.kind.toLowerCase().replace(/_/g, " ")}</td>
              <td><code class="details">{JSON.stringify(e.details)}</code></td></tr>
          ))}</tbody></table></div>
      )}
      {p.more && <button type="button" class="secondary" onClick={p.loadMore}>Load more</button>}
    </Page>
  );
}
