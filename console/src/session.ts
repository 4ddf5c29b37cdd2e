// Who is signed in, and with which role: read once, refreshed after sign-in or sign-out.
import { request } from "./api";
import { graphql } from "./gql";
import type { Role } from "./gql/graphql";

export const Viewer = graphql(`
  query Viewer {
    me { id email mfaEnabled passwordChangeRequired }
  }
`);

export const AccountQuery = graphql(`
  query AccountInfo {
    account { id name role mfaRequired }
  }
`);

export type Me = { id: string; email: string; mfaEnabled: boolean; passwordChangeRequired: boolean };
export type AccountInfo = { id: string; name: string; role: Role; mfaRequired: boolean };

export type Loaded = { me: Me | null; account: AccountInfo | null; needsMfa: boolean; needsPassword: boolean };

/** The viewer; ``needsMfa`` / ``needsPassword`` when only enrolment or a new password is
 * allowed (MFA first: the server checks it first). */
export async function loadViewer(): Promise<Loaded> {
  const { me } = await request(Viewer, {});
  if (!me) return { me: null, account: null, needsMfa: false, needsPassword: false };
  try {
    const { account } = await request(AccountQuery, {});
    return { me, account, needsMfa: false, needsPassword: false };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "MFA_REQUIRED") return { me, account: null, needsMfa: true, needsPassword: false };
    if (code === "PASSWORD_CHANGE_REQUIRED") return { me, account: null, needsMfa: false, needsPassword: true };
    throw err;
  }
}

export function isAdmin(account: AccountInfo | null): boolean {
  return account?.role === "OWNER" || account?.role === "ADMIN";
}
export function canWrite(account: AccountInfo | null): boolean {
  return isAdmin(account) || account?.role === "MEMBER";
}
