// Access review: the latest review's findings with a button to act on each (the existing
// revoke/remove mutations; a stale key goes to the connection's replace-key form), completing
// the review, and the third parties the account shares data with.
import { useEffect, useState } from "preact/hooks";
import { mutate, request } from "../api";
import { graphql } from "../gql";
import type { AccessReviewQuery, ThirdPartiesQuery } from "../gql/graphql";
import { Banner, Field, firstError, Page, useAction, useList, when } from "../ui";

const AccessReview = graphql(`
  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings
    findings { id kind subjectId summary since open } } }
`);
const RunReview = graphql(`mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }`);
const CompleteReview = graphql(`
  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }
`);
const ThirdParties = graphql(`query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }`);
const ReviewRevokeToken = graphql(`mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }`);
const ReviewRevokeInvite = graphql(`mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }`);
const ReviewRemoveMember = graphql(`mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }`);

type Review = NonNullable<AccessReviewQuery["accessReview"]>;
type Finding = Review["findings"][number];

const LABELS: Record<string, string> = {
  INACTIVE_MEMBER: "Inactive member", UNUSED_API_TOKEN: "Unused API token", PENDING_INVITE: "Pending invite",
  EXCESS_OWNERS: "More owners than needed", STALE_PROVIDER_KEY: "Provider key due for rotation",
  FAILING_CONNECTION: "Connection failing", IDLE_CONNECTION: "Connection idle",
};
const KINDS: Record<string, string> = { PROVIDER: "Provider", WEBHOOK: "Webhook", SLACK: "Slack", EMAIL: "E-mail" };

/** The one action a finding offers: a mutation to run, or a screen to go to. */
function actionOf(f: Finding): { label: string; run?: () => Promise<string | null>; href?: string } | null {
  if (!f.open) return null;
  const id = f.subjectId ?? "";
  switch (f.kind) {
    case "UNUSED_API_TOKEN": return { label: "Revoke token", run: async () =>
      firstError((await request(ReviewRevokeToken, { id })).revokeApiToken.errors) };
    case "PENDING_INVITE": return { label: "Revoke invite", run: async () =>
      firstError((await request(ReviewRevokeInvite, { id })).revokeInvite.errors) };
    case "INACTIVE_MEMBER": return { label: "Remove member", run: async () => {
      if (!confirm("Remove this member from the account?")) return null;
      return firstError((await mutate(ReviewRemoveMember, { memberId: id }, (x) => x.removeMember.errors)).removeMember.errors);
    } };
    case "STALE_PROVIDER_KEY": return { label: "Replace key", href: "#/connections" };
    case "FAILING_CONNECTION": case "IDLE_CONNECTION": return { label: "Open connections", href: "#/connections" };
    case "EXCESS_OWNERS": return { label: "Open members", href: "#/members" };
    default: return null;
  }
}

export function ReviewScreen() {
  const [review, setReview] = useState<Review | null | undefined>(undefined);
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const parties = useList<ThirdPartiesQuery["thirdParties"][number]>(() => request(ThirdParties, {}).then((r) => r.thirdParties));
  const load = () => request(AccessReview, {}).then((r) => setReview(r.accessReview));
  useEffect(() => { void run(load); }, []);

  return (
    <Page title="Access review" actions={
      <button type="button" class="secondary" disabled={busy} onClick={() => void run(async () => {
        const r = await request(RunReview, {});
        await load(); setNotice("A new review ran.");
        return firstError(r.runAccessReview.errors);
      })}>Review now</button>}>
      <Banner error={error} notice={notice} />
      {review === undefined ? <p role="status">Loading…</p> : review === null ? <p class="empty">No review yet: the first one runs on schedule, or review now.</p> : (
        <>
          <p data-testid="review-summary">Review of {when(review.createdAt)} ({review.trigger}): {review.openFindings} of {review.findings.length} finding(s) open.
            {review.completedAt && <> Completed {when(review.completedAt)} by {review.completedBy ?? "a former member"}.</>}</p>
          {review.findings.length === 0 ? <p class="empty">Nothing to act on.</p> : (
            <div class="table-wrap" tabIndex={0}><table><caption>Findings</caption>
              <thead><tr><th scope="col">Finding</th><th scope="col">Details</th><th scope="col">Since</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
              <tbody>{review.findings.map((f) => {
                const action = actionOf(f);
                return (
                  <tr key={f.id} data-kind={f.kind}><td>{LABELS[f.kind] ?? f.kind}</td><td>{f.summary}</td><td>{when(f.since)}</td>
                    <td>{f.open ? "open" : "resolved"}</td>
                    <td>{action?.href ? <a href={action.href}>{action.label}</a>
                      : action?.run ? <button type="button" class="danger small" disabled={busy}
                        aria-label={`${action.label}: ${f.summary}`}
                        onClick={() => void run(async () => {
                          const problem = await action.run!();
                          await load();
                          return problem;
                        })}>{action.label}</button> : null}</td></tr>);
              })}</tbody></table></div>
          )}
          {!review.completedAt && (
            <form class="card" onSubmit={(e) => { e.preventDefault(); void run(async () => {
              const r = await mutate(CompleteReview, { id: review.id, note: note || null }, (x) => x.completeAccessReview.errors);
              if (r.completeAccessReview.errors.length) return firstError(r.completeAccessReview.errors);
              setNote(""); setNotice("Review completed."); await load();
              return null;
            }); }}>
              <h2>Complete the review</h2>
              <Field label="Note (optional)" name="reviewNote" value={note} onInput={setNote} />
              <button type="submit" disabled={busy}>Complete review</button>
            </form>
          )}
        </>
      )}
      <section class="card" aria-labelledby="third-parties">
        <h2 id="third-parties">Third parties</h2>
        <Banner error={parties.error} />
        {parties.items === null ? <p role="status">Loading…</p> : parties.items.length === 0 ? <p class="empty">The account shares data with no outside party.</p> : (
          <div class="table-wrap" tabIndex={0}><table><caption>Who receives this account's data</caption>
            <thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Destination</th><th scope="col">Added</th><th scope="col">Last used</th></tr></thead>
            <tbody>{parties.items.map((p) => (
              <tr key={p.id}><td>{KINDS[p.kind] ?? p.kind}</td><td>{p.name}</td><td>{p.destination}</td><td>{when(p.addedAt)}</td><td>{when(p.lastUsedAt)}</td></tr>))}</tbody>
          </table></div>
        )}
      </section>
    </Page>
  );
}
