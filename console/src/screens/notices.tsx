// Notices from the operator (a security incident): a banner above every screen until an
// owner or admin acknowledges it, live as they are posted; and the screen a member sees when
// an incident's containment asks them for a new password before anything else.
import { useEffect, useState } from "preact/hooks";
import { mutate, request } from "../api";
import { graphql } from "../gql";
import { subscribe } from "../live";
import { Banner, Field, firstError, messageOf, useAction, when } from "../ui";

const Notices = graphql(`
  query Notices { notices { id title body severity createdAt } }
`);
const NoticePosted = graphql(`
  subscription NoticePosted { noticePosted { id title body severity createdAt } }
`);
const AcknowledgeNotice = graphql(`
  mutation AcknowledgeNotice($id: ID!) {
    acknowledgeNotice(id: $id) { notice { id acknowledgedAt } errors { code message } }
  }
`);
const RequiredPasswordChange = graphql(`
  mutation RequiredPasswordChange($input: ChangePasswordInput!) {
    changePassword(input: $input) { ok errors { code message field } }
  }
`);

type Notice = { id: string; title: string; body: string; severity: string; createdAt: string };

function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    request(Notices, {}).then((r) => setNotices(r.notices), (e) => setError(messageOf(e)));
    const stop = subscribe(NoticePosted, (d) => setNotices((all) =>
      all.some((n) => n.id === d.noticePosted.id) ? all : [d.noticePosted, ...all]));
    return () => stop?.();
  }, []);
  const drop = (id: string) => setNotices((all) => all.filter((n) => n.id !== id));
  return { notices, error, drop };
}

function NoticeCard(props: { notice: Notice; canAcknowledge: boolean; onDone?: () => void }) {
  const { notice } = props;
  const { busy, error, run } = useAction();
  const titleId = `notice-${notice.id}`;
  return (
    <section class={`notice-card ${notice.severity.toLowerCase()}`} role="region"
      aria-labelledby={titleId} data-testid="notice">
      <h2 id={titleId}>{notice.title}</h2>
      <p class="hint">Posted {when(notice.createdAt)}</p>
      {notice.body.split("\n\n").map((part, i) => {
        const [heading, ...lines] = part.split("\n");
        return <div key={i}><h3>{heading}</h3>{lines.map((l, j) => <p key={j}>{l}</p>)}</div>;
      })}
      <Banner error={error} />
      {props.canAcknowledge && props.onDone && (
        <button type="button" class="secondary" disabled={busy} onClick={() => void run(async () => {
          const r = await mutate(AcknowledgeNotice, { id: notice.id }, (x) => x.acknowledgeNotice.errors);
          if (r.acknowledgeNotice.errors.length) return firstError(r.acknowledgeNotice.errors);
          props.onDone?.();
          return null;
        })}>Acknowledge for everyone</button>
      )}
    </section>
  );
}

/** Every unacknowledged notice of the account, above the screen. */
export function NoticeBanner(props: { canAcknowledge: boolean }) {
  const { notices, error, drop } = useNotices();
  if (!notices.length) return error ? <Banner error={error} /> : null;
  return (
    <div class="notices" aria-label="Notices from the operator">
      {notices.map((n) => <NoticeCard key={n.id} notice={n} canAcknowledge={props.canAcknowledge}
        onDone={() => drop(n.id)} />)}
    </div>
  );
}

/** The only screen while a password change is required; the notices say why. */
export function PasswordChangeScreen(props: { email: string; onDone: () => void }) {
  const { notices } = useNotices();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  return (
    <main class="auth" id="main">
      <h1>Choose a new password</h1>
      <p>After a security incident, {props.email} must set a new password before using
        Meterwise again. Your other sessions and API tokens end when you do.</p>
      {notices.map((n) => <NoticeCard key={n.id} notice={n} canAcknowledge={false} />)}
      <Banner error={error} />
      <form aria-label="New password" onSubmit={(e) => { e.preventDefault(); void run(async () => {
        const r = await request(RequiredPasswordChange, { input: { currentPassword: current, newPassword: next } });
        const errors = r.changePassword.errors;
        setFieldErrors(Object.fromEntries(errors.filter((x) => x.field).map((x) => [x.field!, x.message])));
        if (errors.length) return firstError(errors);
        props.onDone();
        return null;
      }); }}>
        <Field label="Current password" name="currentPassword" type="password" value={current}
          onInput={setCurrent} autocomplete="current-password" required error={fieldErrors.currentPassword} />
        <Field label="New password" name="newPassword" type="password" value={next} onInput={setNext}
          autocomplete="new-password" required hint="Not one you used before; at least 12 characters."
          error={fieldErrors.newPassword} />
        <button type="submit" disabled={busy}>{busy ? "Saving…" : "Set new password"}</button>
      </form>
    </main>
  );
}
