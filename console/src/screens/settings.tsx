// Account settings: name and MFA requirement (owners), two-factor set-up, password, theme,
// delete account.
import { useState } from "preact/hooks";
import { mutate, request } from "../api";
import { graphql } from "../gql";
import type { AccountInfo } from "../session";
import { Banner, Field, firstError, Page, Select, useAction } from "../ui";
import { type Theme, currentTheme, setTheme } from "../theme";

const UpdateAccount = graphql(`
  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }
  }
`);
const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }
`);
const DeleteAccount = graphql(`
  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }
`);

export function SettingsScreen(props: {
  account: AccountInfo | null; mfaEnabled: boolean; onChanged: () => void; onDeleted: () => void;
}) {
  const owner = props.account?.role === "OWNER";
  const [name, setName] = useState(props.account?.name ?? "");
  const [mfaRequired, setMfaRequired] = useState(props.account?.mfaRequired ?? true);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [delPassword, setDelPassword] = useState("");
  const [delCode, setDelCode] = useState("");
  const [theme, setThemeState] = useState<Theme>(currentTheme());
  const account = useAction();
  const password = useAction();
  const deletion = useAction();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Page title="Settings">
      <section class="card" aria-labelledby="appearance"><h2 id="appearance">Appearance</h2>
        <Select label="Theme" name="theme" value={theme}
          options={[["system", "Same as my device"], ["light", "Light"], ["dark", "Dark"]]}
          onChange={(t) => { setTheme(t); setThemeState(t); }} />
      </section>
      <section class="card" aria-labelledby="two-factor"><h2 id="two-factor">Two-factor authentication</h2>
        {props.mfaEnabled
          ? <p>On: signing in and changes to access ask for a code from your authenticator app.</p>
          : <><p>Off. Changes to access (admin invites, full API tokens, keys) need it.</p>
            <a class="button" href="#/mfa">Set up two-factor</a></>}
      </section>
      {owner && (
        <section class="card" aria-labelledby="account-settings"><h2 id="account-settings">Account</h2>
          <Banner error={account.error} notice={notice} />
          <form onSubmit={(e) => { e.preventDefault(); void account.run(async () => {
            const r = await mutate(UpdateAccount, { input: { name, mfaRequired } }, (x) => x.updateAccountSettings.errors);
            if (r.updateAccountSettings.errors.length) return firstError(r.updateAccountSettings.errors);
            setNotice("Saved."); props.onChanged();
            return null;
          }); }}>
            <Field label="Account name" name="accountName" value={name} onInput={setName} required />
            <div class="check"><input id="mfa-required" type="checkbox" checked={mfaRequired}
              onChange={(e) => setMfaRequired((e.target as HTMLInputElement).checked)} />
              <label for="mfa-required">Require two-factor authentication for every member</label></div>
            <button type="submit" disabled={account.busy}>Save</button>
          </form>
        </section>
      )}
      <section class="card" aria-labelledby="password-title"><h2 id="password-title">Password</h2>
        <Banner error={password.error} />
        <form onSubmit={(e) => { e.preventDefault(); void password.run(async () => {
          const r = await request(ChangePassword, { input: { currentPassword: current, newPassword: next } });
          if (r.changePassword.errors.length) return firstError(r.changePassword.errors);
          setCurrent(""); setNext(""); setNotice("Password changed.");
          return null;
        }); }}>
          <Field label="Current password" name="currentPassword" type="password" value={current} onInput={setCurrent} autocomplete="current-password" required />
          <Field label="New password" name="newPassword" type="password" value={next} onInput={setNext} autocomplete="new-password" required />
          <button type="submit" disabled={password.busy}>Change password</button>
        </form>
      </section>
      {owner && (
        <section class="card danger-zone" aria-labelledby="delete-title"><h2 id="delete-title">Delete account</h2>
          <p>Deletes the account, its connections, usage and audit log for good.</p>
          <Banner error={deletion.error} />
          <form onSubmit={(e) => { e.preventDefault(); void deletion.run(async () => {
            if (!confirm("Delete this account and all its data? This cannot be undone.")) return null;
            const r = await mutate(DeleteAccount, { input: { password: delPassword, code: delCode } }, (x) => x.deleteAccount.errors);
            if (r.deleteAccount.errors.length) return firstError(r.deleteAccount.errors);
            props.onDeleted();
            return null;
          }); }}>
            <Field label="Password" name="deletePassword" type="password" value={delPassword} onInput={setDelPassword} autocomplete="current-password" required />
            <Field label="Two-factor or recovery code" name="deleteCode" value={delCode} onInput={setDelCode} required />
            <button type="submit" class="danger" disabled={deletion.busy}>Delete account</button>
          </form>
        </section>
      )}
    </Page>
  );
}
