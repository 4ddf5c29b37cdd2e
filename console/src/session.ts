// Who is signed in, and with which role: read once, refreshed after sign-in or sign-out.
import { request } from "./api";
import { graphql } from "./gql";
import type { Role } from "./gql/graphql";

export const Viewer = graphql(`
  query Viewer {
    me { id email mfaEnabled }
  }
`);

export const AccountQuery = graphql(`
  query AccountInfo {
    account { id name role mfaRequired }
  }
`);

export type Me = { id: string; email: string; mfaEnabled: boolean };
export type AccountInfo = { id: string; name: string; role: Role; mfaRequired: boolean };

export async function loadViewer(): Promise<{ me: Me | null; account: AccountInfo | null; needsMfa: boolean }> {
  const { me } = await request(Viewer, {});
  if (!me) return { me: null, account: null, needsMfa: false };
  try {
    const { account } = await request(AccountQuery, {});
    return { me, account, needsMfa: false };
  } catch (err) {
    if ((err as { code?: string }).code === "MFA_REQUIRED") return { me, account: null, needsMfa: true };
    throw err;
  }
}

export function isAdmin(account: AccountInfo | null): boolean {
  return account?.role === "OWNER" || account?.role === "ADMIN";
}
export function canWrite(account: AccountInfo | null): boolean {
  return isAdmin(account) || account?.role === "MEMBER";
}
