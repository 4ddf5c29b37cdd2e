// Subscriptions over graphql-transport-ws. The socket authenticates with the in-memory
// session token when this tab signed in; after a reload it has none, and the same-origin
// handshake carries the session cookie instead (the server accepts it only from our origin).
import { createClient, type Client } from "graphql-ws";
import { liveToken, onTokenChange } from "./api";
import { GRAPHQL_PATH } from "./config";
import type { TypedDocumentString } from "./gql/graphql";

let client: Client | null = null;
let clientToken: string | null = null;

// graphql-ws rejects an internal "connecting" promise nobody can catch when the socket goes
// away while it connects (a 4403 after sign-out or revocation, or its last subscription
// ending: `{code: 1000, reason: "All Subscriptions Gone"}`; enisdenjo/graphql-ws#365).
// Subscribers hear about it through their own callbacks, so it is not a page error.
addEventListener("unhandledrejection", (event) => {
  const reason: unknown = event.reason;
  if (reason instanceof CloseEvent
      || (typeof reason === "object" && reason !== null
          && typeof (reason as { code?: unknown }).code === "number"
          && typeof (reason as { reason?: unknown }).reason === "string")) {
    event.preventDefault();
  }
});

function current(): Client | null {
  const token = liveToken();
  if (token !== clientToken) {
    void client?.dispose();
    client = null;
    clientToken = token;
  }
  if (!client) {
    const url = new URL(GRAPHQL_PATH, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    client = createClient({
      url: url.toString(),
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 5,
    });
  }
  return client;
}

/** Live updates run in every signed-in page (token or same-origin cookie). */
export function liveAvailable(): boolean {
  return true;
}

// Close codes the server sends (README "WebSocket close codes"). 4403: the credential is
// not (or no longer) valid; graphql-ws retries a few times, and the next HTTP request finds
// the session over and signs out. 4429: this user already holds the most sockets allowed
// (other tabs): still signed in, so never sign out; graphql-ws treats 4429 as fatal, so
// resubscribe ourselves after a while.
export const CLOSE_TOO_MANY_SOCKETS = 4429;
const RETRY_LATER_MS = 30_000;

function closeCode(reason: unknown): number | null {
  const code = (reason as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : null;
}

/** Subscribe; returns an unsubscribe function, or null when live updates are unavailable. */
export function subscribe<R>(doc: TypedDocumentString<R, Record<string, never>>,
                             onData: (data: R) => void): (() => void) | null {
  let stop: (() => void) | null = null;
  let later: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    clearTimeout(later);
    stop?.();
    const c = current();
    stop = c
      ? c.subscribe<R>({ query: doc.toString() }, {
          next: (msg) => msg.data && onData(msg.data as R),
          error: (reason) => {
            if (closeCode(reason) === CLOSE_TOO_MANY_SOCKETS) {
              later = setTimeout(start, RETRY_LATER_MS * (1 + Math.random()));  // jittered
            }
          },
          complete: () => undefined,
        })
      : null;
  };
  start();
  if (!stop) return null;
  const off = onTokenChange(start);
  return () => { off(); clearTimeout(later); stop?.(); };
}
