// Subscriptions over graphql-transport-ws. The socket authenticates with the in-memory
// session token when this tab signed in; after a reload it has none, and the same-origin
// handshake carries the session cookie instead (the server accepts it only from our origin).
// A lost socket (an API process drained with 1001, or killed) is reopened with backoff,
// through the load balancer to another process, and graphql-ws resubscribes every active
// subscription there; listeners of `onReconnect` re-read what they show, since events sent
// while no socket was open are not replayed. 4403 (credential revoked) is final.
import { createClient, type Client } from "graphql-ws";
import { liveToken, onTokenChange } from "./api";
import { GRAPHQL_PATH } from "./config";
import type { TypedDocumentString } from "./gql/graphql";

let client: Client | null = null;
let clientToken: string | null = null;
const reconnectListeners = new Set<() => void>();
const FORBIDDEN = 4403;

/** Call `fn` each time the socket is open again after a loss; returns the unsubscribe. */
export function onReconnect(fn: () => void): () => void {
  reconnectListeners.add(fn);
  return () => reconnectListeners.delete(fn);
}

function closeCode(event: unknown): number | undefined {
  return typeof event === "object" && event !== null && "code" in event
    ? Number((event as { code: unknown }).code) : undefined;
}

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
      retryAttempts: Infinity,
      shouldRetry: (event) => closeCode(event) !== FORBIDDEN,
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) reconnectListeners.forEach((fn) => fn());
        },
      },
    });
  }
  return client;
}

/** Live updates run in every signed-in page (token or same-origin cookie). */
export function liveAvailable(): boolean {
  return true;
}

// Close codes the server sends (README "WebSocket close codes"). 4403: the credential is
// not (or no longer) valid; no retry, and the next HTTP request finds the session over and
// signs out. 1001 (a process draining) and any other loss: reopened with backoff. 4429: this user already holds the most sockets allowed
// (other tabs): still signed in, so never sign out; graphql-ws treats 4429 as fatal, so
// resubscribe ourselves after a while.
export const CLOSE_TOO_MANY_SOCKETS = 4429;
const RETRY_LATER_MS = 30_000;

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
