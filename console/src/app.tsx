// The shell: who is signed in, the hash route, the navigation, and the step-up dialog.
import { useEffect, useState } from "preact/hooks";
import { onPasswordChangeRequired, onSignedOut, rememberToken, request, setStepUpPrompt } from "./api";
import { graphql } from "./gql";
import { EnrolMfa, SignIn, SignUpScreen, StepUpDialog } from "./screens/auth";
import { AlertsScreen, BudgetsScreen } from "./screens/budgets";
import { ConnectionsScreen } from "./screens/connections";
import { Dashboard } from "./screens/dashboard";
import { NoticeBanner, PasswordChangeScreen } from "./screens/notices";
import { MembersScreen, SessionsScreen, TokensScreen } from "./screens/people";
import { AuditScreen, SecurityScreen } from "./screens/records";
import { ReviewScreen } from "./screens/reviews";
import { SettingsScreen } from "./screens/settings";
import { type AccountInfo, isAdmin, loadViewer, type Me } from "./session";
import { Banner, messageOf } from "./ui";

const LogOut = graphql(`mutation LogOut { logOut }`);

type Route = { path: string; query: URLSearchParams };
function parseHash(): Route {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  return { path: path || "/", query: new URLSearchParams(query ?? "") };
}

const NAV: { path: string; label: string; admin?: boolean }[] = [
  { path: "/", label: "Spend" },
  { path: "/connections", label: "Connections" },
  { path: "/budgets", label: "Budgets" },
  { path: "/alerts", label: "Alerts" },
  { path: "/members", label: "Members", admin: true },
  { path: "/tokens", label: "API tokens", admin: true },
  { path: "/sessions", label: "Sessions", admin: true },
  { path: "/audit", label: "Audit log", admin: true },
  { path: "/security", label: "Security events", admin: true },
  { path: "/review", label: "Access review", admin: true },
  { path: "/settings", label: "Settings" },
];

type StepUp = { submit: (code: string) => Promise<string | null>; resolve: (ok: boolean) => void };

export function App() {
  const [route, setRoute] = useState(parseHash());
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [account, setAccount] = useState<AccountInfo | null>(null);
  const [needsMfa, setNeedsMfa] = useState(false);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stepUp, setStepUp] = useState<StepUp | null>(null);

  const refresh = async () => {
    try {
      const v = await loadViewer();
      setMe(v.me); setAccount(v.account); setNeedsMfa(v.needsMfa);
      setNeedsPassword(v.needsPassword); setError(null);
    } catch (err) {
      setError(messageOf(err));
      setMe(null);
    }
  };

  useEffect(() => {
    const onHash = () => setRoute(parseHash());
    addEventListener("hashchange", onHash);
    const off = onSignedOut(() => {
      rememberToken(null);
      setMe(null); setAccount(null);
      setNotice("Your session has ended. Sign in again.");
    });
    const offPassword = onPasswordChangeRequired(() => setNeedsPassword(true));
    setStepUpPrompt((submit) => new Promise((resolve) => setStepUp({ submit, resolve })));
    void refresh();
    return () => {
      removeEventListener("hashchange", onHash); off(); offPassword(); setStepUpPrompt(null);
    };
  }, []);

  useEffect(() => {
    document.getElementById("page-title")?.focus();
  }, [route.path]);

  const signedIn = () => { setNotice(null); location.hash = "#/"; void refresh(); };
  const signOut = async () => {
    try { await request(LogOut, {}); } catch { /* signed out either way */ }
    rememberToken(null);
    setMe(null); setAccount(null); setNotice("You are signed out.");
    location.hash = "#/signin";
  };

  if (me === undefined) return <main id="main"><p role="status">Loading…</p></main>;
  if (me === null) {
    return route.path === "/signup"
      ? <SignUpScreen invite={route.query.get("invite") ?? ""} onDone={signedIn} />
      : <SignIn onDone={signedIn} notice={notice ?? error} />;
  }
  if (needsMfa) return <EnrolMfa email={me.email} onDone={signedIn} required />;
  if (needsPassword) return <PasswordChangeScreen email={me.email} onDone={signedIn} />;

  if (route.path === "/mfa" && !me.mfaEnabled) return <EnrolMfa email={me.email} onDone={signedIn} />;

  const admin = isAdmin(account);
  const screen = (() => {
    switch (route.path) {
      case "/connections": return <ConnectionsScreen account={account} />;
      case "/budgets": return <BudgetsScreen account={account} />;
      case "/alerts": return <AlertsScreen account={account} />;
      case "/members": return admin ? <MembersScreen account={account} /> : null;
      case "/tokens": return admin ? <TokensScreen /> : null;
      case "/sessions": return admin ? <SessionsScreen /> : null;
      case "/audit": return admin ? <AuditScreen /> : null;
      case "/security": return admin ? <SecurityScreen /> : null;
      case "/review": return admin ? <ReviewScreen /> : null;
      case "/settings": return <SettingsScreen account={account} mfaEnabled={me.mfaEnabled} onChanged={() => void refresh()}
        onDeleted={() => { rememberToken(null); setMe(null); setNotice("The account was deleted."); }} />;
      default: return <Dashboard days={Number(route.query.get("days")) || undefined} group={route.query.get("group")} />;
    }
  })();

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("page-title")?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">Meterwise</span>
        <span class="who">{me.email}{account && <> · {account.name} · <span data-testid="role">{account.role.toLowerCase()}</span></>}</span>
        <button type="button" class="secondary small" onClick={() => void signOut()}>Sign out</button>
      </header>
      <nav aria-label="Main">
        <ul>{NAV.filter((n) => !n.admin || admin).map((n) => (
          <li key={n.path}><a href={`#${n.path}`} aria-current={route.path === n.path || (n.path === "/" && !NAV.some((x) => x.path === route.path)) ? "page" : undefined}>{n.label}</a></li>
        ))}</ul>
      </nav>
      <main id="main">
        <Banner error={error} />
        <NoticeBanner canAcknowledge={admin} />
        {screen ?? <p>Your role cannot open this page.</p>}
      </main>
      {stepUp && <StepUpDialog submit={stepUp.submit} enrolled={me.mfaEnabled} onClose={(ok) => { stepUp.resolve(ok); setStepUp(null); }} />}
    </>
  );
}
