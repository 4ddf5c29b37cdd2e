// Sign-in (password, then a TOTP or recovery code), sign-up with an invite, and MFA
// enrolment (the current password, a QR code, then recovery codes to download).
import { useEffect, useState } from "preact/hooks";
import { request, rememberToken } from "../api";
import { graphql } from "../gql";
import { Banner, downloadText, Field, firstError, useAction } from "../ui";

const LogIn = graphql(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(input: { email: $email, password: $password }) {
      token mfaRequired mfaToken errors { code message field }
    }
  }
`);
const VerifyMfa = graphql(`
  mutation VerifyMfa($mfaToken: String!, $code: String!) {
    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }
  }
`);
const SignUp = graphql(`
  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {
      token errors { code message field }
    }
  }
`);
const StartTotp = graphql(`
  mutation StartTotp($password: String!) {
    startTotpEnrollment(password: $password) { secret provisioningUri qrSvg errors { code message field } }
  }
`);
const ConfirmTotp = graphql(`
  mutation ConfirmTotp($code: String!, $password: String!) {
    confirmTotpEnrollment(code: $code, password: $password) { recoveryCodes errors { code message field } }
  }
`);

export function SignIn(props: { onDone: () => void; notice?: string | null }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState(false);
  const { busy, error, run } = useAction();

  const submitPassword = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const { logIn } = await request(LogIn, { email, password });
      if (logIn.errors.length) return firstError(logIn.errors);
      if (logIn.mfaRequired && logIn.mfaToken) {
        setMfaToken(logIn.mfaToken);
        return null;
      }
      rememberToken(logIn.token ?? null);
      props.onDone();
      return null;
    });
  };
  const submitCode = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const { verifyMfa } = await request(VerifyMfa, { mfaToken: mfaToken!, code: code.trim() });
      if (verifyMfa.errors.length) return firstError(verifyMfa.errors);
      rememberToken(verifyMfa.token ?? null);
      props.onDone();
      return null;
    });
  };

  return (
    <main class="auth" id="main">
      <h1>Sign in to Meterwise</h1>
      <Banner error={error} notice={props.notice} />
      {mfaToken === null ? (
        <form onSubmit={submitPassword} aria-label="Sign in">
          <Field label="Email" name="email" type="email" value={email} onInput={setEmail}
            autocomplete="username" required />
          <Field label="Password" name="password" type="password" value={password}
            onInput={setPassword} autocomplete="current-password" required />
          <button type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
          <p><a href="#/signup">Have an invite? Create an account</a></p>
        </form>
      ) : (
        <form onSubmit={submitCode} aria-label="Two-factor code">
          {recovery ? (
            <Field label="Recovery code" name="code" value={code} onInput={setCode} required
              hint="One of the codes you saved when you set up two-factor authentication." />
          ) : (
            <Field label="Authentication code" name="code" value={code} onInput={setCode} required
              inputMode="numeric" autocomplete="one-time-code"
              hint="The 6-digit code from your authenticator app." />
          )}
          <button type="submit" disabled={busy}>{busy ? "Checking…" : "Verify"}</button>
          <button type="button" class="link" onClick={() => { setRecovery(!recovery); setCode(""); }}>
            {recovery ? "Use my authenticator app" : "Use a recovery code instead"}
          </button>
        </form>
      )}
    </main>
  );
}

export function SignUpScreen(props: { onDone: () => void; invite: string }) {
  const [inviteCode, setInvite] = useState(props.invite);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [accountName, setAccountName] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const { signUp } = await request(SignUp, {
        inviteCode: inviteCode.trim(), email, password, accountName: accountName || null,
      });
      setFieldErrors(Object.fromEntries(signUp.errors.filter((x) => x.field).map((x) => [x.field!, x.message])));
      if (signUp.errors.length) return firstError(signUp.errors);
      rememberToken(signUp.token ?? null);
      props.onDone();
      return null;
    });
  };
  return (
    <main class="auth" id="main">
      <h1>Create your Meterwise account</h1>
      <Banner error={error} />
      <form onSubmit={submit} aria-label="Sign up">
        <Field label="Invite code" name="inviteCode" value={inviteCode} onInput={setInvite} required
          error={fieldErrors.inviteCode} />
        <Field label="Email" name="email" type="email" value={email} onInput={setEmail}
          autocomplete="username" required error={fieldErrors.email} />
        <Field label="Password" name="password" type="password" value={password} onInput={setPassword}
          autocomplete="new-password" required hint="At least 12 characters; a passphrase works well."
          error={fieldErrors.password} />
        <Field label="Account name (optional)" name="accountName" value={accountName}
          onInput={setAccountName} error={fieldErrors.accountName} />
        <button type="submit" disabled={busy}>{busy ? "Creating…" : "Create account"}</button>
        <p><a href="#/signin">Already have an account? Sign in</a></p>
      </form>
    </main>
  );
}

/** TOTP set-up: the password first (a session alone must not register an authenticator),
 * kept in memory only until the code confirms it. ``required``: the account demands it. */
export function EnrolMfa(props: { onDone: () => void; email: string; required?: boolean }) {
  const [password, setPassword] = useState("");
  const [setup, setSetup] = useState<{ secret: string; qr: string | null } | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, error, run } = useAction();

  const begin = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const { startTotpEnrollment: r } = await request(StartTotp, { password });
      if (r.errors.length) return firstError(r.errors);
      const qr = r.qrSvg ? `data:image/svg+xml;base64,${btoa(r.qrSvg)}` : null;
      setSetup({ secret: r.secret ?? "", qr });
      return null;
    });
  };

  const confirm = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const { confirmTotpEnrollment: r } = await request(ConfirmTotp, { code: code.trim(), password });
      if (r.errors.length) return firstError(r.errors);
      setPassword("");
      setCodes(r.recoveryCodes ?? []);
      return null;
    });
  };

  if (codes) {
    return (
      <main class="auth" id="main">
        <h1>Save your recovery codes</h1>
        <p>Each code signs you in once if you lose your authenticator. They are shown only now.</p>
        <ul class="codes" aria-label="Recovery codes">{codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
        <button type="button" onClick={() => downloadText("meterwise-recovery-codes.txt",
          `Meterwise recovery codes for ${props.email}\n\n${codes.join("\n")}\n`)}>
          Download codes
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>I saved them, continue</button>
      </main>
    );
  }
  return (
    <main class="auth" id="main">
      <h1>Set up two-factor authentication</h1>
      <p>{props.required ? "Your account requires a second factor. " : ""}Confirm your password,
        scan the code with an authenticator app (any RFC 6238 app), then enter the 6-digit code
        it shows.</p>
      <Banner error={error} />
      {setup === null ? (
        <form onSubmit={begin} aria-label="Confirm your password">
          <Field label="Current password" name="password" type="password" value={password}
            onInput={setPassword} autocomplete="current-password" required />
          <button type="submit" disabled={busy}>{busy ? "Checking…" : "Continue"}</button>
          {!props.required && <p><a href="#/">Not now</a></p>}
        </form>
      ) : (
        <>
          {setup.qr && <img class="qr" src={setup.qr} width={200} height={200}
            alt="QR code with your two-factor secret" />}
          <p>Or type this secret: <code data-testid="totp-secret">{setup.secret}</code></p>
          <form onSubmit={confirm} aria-label="Confirm two-factor code">
            <Field label="Authentication code" name="code" value={code} onInput={setCode} required
              inputMode="numeric" autocomplete="one-time-code" />
            <button type="submit" disabled={busy}>{busy ? "Checking…" : "Turn on two-factor"}</button>
          </form>
        </>
      )}
    </main>
  );
}

/** The dialog the API layer opens when an operation needs a fresh code. A user without a
 * second factor cannot step up: it sends them to set one up instead (``#/mfa``). */
export function StepUpDialog(props: {
  submit: (code: string) => Promise<string | null>; onClose: (ok: boolean) => void;
  enrolled: boolean;
}) {
  const [code, setCode] = useState("");
  const { busy, error, run } = useAction();
  useEffect(() => { document.getElementById(props.enrolled ? "f-stepup" : "stepup-enrol")?.focus(); }, []);
  if (!props.enrolled) {
    return (
      <div class="dialog-backdrop">
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="stepup-title"
          onKeyDown={(e) => e.key === "Escape" && props.onClose(false)}>
          <h2 id="stepup-title">Confirm it's you</h2>
          <p>This action needs a code from an authenticator app, and you have not set up
            two-factor authentication yet. Set it up (it asks for your password), then try again.</p>
          <div class="row">
            <a id="stepup-enrol" class="button" href="#/mfa" onClick={() => props.onClose(false)}>Set up two-factor</a>
            <button type="button" class="secondary" onClick={() => props.onClose(false)}>Cancel</button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="stepup-title"
        onKeyDown={(e) => e.key === "Escape" && props.onClose(false)}>
        <h2 id="stepup-title">Confirm it's you</h2>
        <p>This action needs a fresh code from your authenticator app (or a recovery code).</p>
        <Banner error={error} />
        <form onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const problem = await props.submit(code.trim());
            if (!problem) props.onClose(true);
            return problem;
          });
        }}>
          <Field label="Code" name="stepup" value={code} onInput={setCode} required
            inputMode="numeric" autocomplete="one-time-code" />
          <div class="row">
            <button type="submit" disabled={busy}>Confirm</button>
            <button type="button" class="secondary" onClick={() => props.onClose(false)}>Cancel</button>
          </div>
        </form>
      </div>
    </div>
  );
}
