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

/** Subscribe; returns an unsubscribe function, or null when live updates are unavailable. */
export function subscribe<R>(doc: TypedDocumentString<R, Record<string, never>>,
                             onData: (data: R) => void): (() => void) | null {
  let stop: (() => void) | null = null;
  const start = () => {
    stop?.();
    const c = current();
    stop = c
      ? c.subscribe<R>({ query: doc.toString() }, {
          next: (msg) => msg.data && onData(msg.data as R),
          error: () => undefined,
          complete: () => undefined,
        })
      : null;
  };
  start();
  if (!stop) return null;
  const off = onTokenChange(start);
  return () => { off(); stop?.(); };
}
