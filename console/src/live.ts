// Subscriptions over graphql-transport-ws. The socket authenticates with the in-memory
// session token only; after a reload there is none, and callers fall back to polling.
import { createClient, type Client } from "graphql-ws";
import { liveToken, onTokenChange } from "./api";
import { GRAPHQL_PATH } from "./config";
import type { TypedDocumentString } from "./gql/graphql";

let client: Client | null = null;
let clientToken: string | null = null;

function current(): Client | null {
  const token = liveToken();
  if (token !== clientToken) {
    void client?.dispose();
    client = null;
    clientToken = token;
  }
  if (!client && token) {
    const url = new URL(GRAPHQL_PATH, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    client = createClient({
      url: url.toString(),
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 5,
    });
  }
  return client;
}

/** Whether live updates can run in this page (a sign-in happened in it). */
export function liveAvailable(): boolean {
  return liveToken() !== null;
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
