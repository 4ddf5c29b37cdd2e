// The one way the console talks to the API: POST /graphql with the session cookie and the
// CSRF header (the double-submit value the server derives from the session). The session
// token itself is never stored by the page; the copy kept in memory is only for the
// WebSocket's connection_init, which never authenticates by cookie.
import { COOKIES, CSRF_HEADER, GRAPHQL_PATH } from "./config";
import type { TypedDocumentString } from "./gql/graphql";
import { graphql } from "./gql";

export type UserError = { code: string; message: string; field?: string | null };

/** An access or transport failure, with only what a person can act on. */
export class ApiError extends Error {
  constructor(public code: string, message: string, public retryAfter?: number) {
    super(message);
  }
}

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  FORBIDDEN: "Your role does not allow this.",
  MFA_REQUIRED: "Set up two-factor authentication first.",
  PASSWORD_CHANGE_REQUIRED: "Choose a new password to continue.",
  QUERY_TOO_COMPLEX: "That request is too large; narrow the range or filters.",
};

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function csrfHeaders(): Record<string, string> {
  const csrf = readCookie(COOKIES.csrf);
  return csrf ? { [CSRF_HEADER]: csrf } : {};
}

let memoryToken: string | null = null;
const tokenListeners = new Set<() => void>();
/** The session token from the last sign-in in this page (memory only), for live updates. */
export function liveToken(): string | null {
  return memoryToken;
}
export function rememberToken(token: string | null): void {
  memoryToken = token;
  tokenListeners.forEach((fn) => fn());
}
export function onTokenChange(fn: () => void): () => void {
  tokenListeners.add(fn);
  return () => tokenListeners.delete(fn);
}

const signedOutListeners = new Set<() => void>();
/** Called when the server says the session is gone (expired, revoked, signed out). */
export function onSignedOut(fn: () => void): () => void {
  signedOutListeners.add(fn);
  return () => signedOutListeners.delete(fn);
}

const passwordListeners = new Set<() => void>();
/** Called when the server says this user must change their password (incident containment). */
export function onPasswordChangeRequired(fn: () => void): () => void {
  passwordListeners.add(fn);
  return () => passwordListeners.delete(fn);
}

export async function request<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json", ...csrfHeaders() },
      body: JSON.stringify({ query: doc.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError("NETWORK", "Meterwise cannot be reached. Check your connection and retry.");
  }
  let body: { data?: R; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError("INTERNAL", `The server answered ${response.status}; try again shortly.`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = String(first.extensions?.code ?? "INTERNAL");
    if (code === "UNAUTHENTICATED") signedOutListeners.forEach((fn) => fn());
    if (code === "PASSWORD_CHANGE_REQUIRED") passwordListeners.forEach((fn) => fn());
    const retry = Number(first.extensions?.retryAfter ?? 0) || undefined;
    const message =
      code === "RATE_LIMITED"
        ? `Too many requests; try again in ${retry ?? 60} s.`
        : code === "INTERNAL"
          ? `Something went wrong on our side${first.extensions?.requestId ? ` (request ${String(first.extensions.requestId)})` : ""}.`
          : (MESSAGES[code] ?? first.message);
    throw new ApiError(code, message, retry);
  }
  return body.data as R;
}

const StepUp = graphql(`
  mutation StepUp($code: String!) {
    verifyMfa(input: { code: $code }) { token errors { code message field } }
  }
`);

type StepUpAsk = (submit: (code: string) => Promise<string | null>) => Promise<boolean>;
let askForCode: StepUpAsk | null = null;
/** The app registers the dialog that asks for a fresh code. */
export function setStepUpPrompt(ask: StepUpAsk | null): void {
  askForCode = ask;
}

/** Exchange a fresh code for a stepped-up session; an error message, or null when done. */
async function stepUp(code: string): Promise<string | null> {
  const result = await request(StepUp, { code });
  const error = result.verifyMfa.errors[0];
  if (error) return error.message;
  rememberToken(result.verifyMfa.token ?? null);
  return null;
}

/** Run a mutation; on STEP_UP_REQUIRED ask for a code (verifyMfa without mfaToken), retry. */
export async function mutate<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  errorsOf: (result: R) => UserError[],
): Promise<R> {
  const result = await request(doc, variables);
  if (!errorsOf(result).some((e) => e.code === "STEP_UP_REQUIRED") || !askForCode) return result;
  const confirmed = await askForCode(stepUp);
  return confirmed ? request(doc, variables) : result;
}
