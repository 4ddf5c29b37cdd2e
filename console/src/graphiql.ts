// GraphiQL for development, built from npm and served by Meterwise itself (no CDN, no inline
// script), with example operations preloaded. Authenticate with an Authorization header.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import "./graphiql.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const url = new URL("/graphql", location.href);
const ws = new URL(url);
ws.protocol = url.protocol === "https:" ? "wss:" : "ws:";

const fetcher = createGraphiQLFetcher({ url: url.toString(), subscriptionUrl: ws.toString() });

const tabs = [
  { query: "# Who am I? Send `Authorization: Bearer <token>` in the headers pane.\nquery Me {\n  me { id email mfaEnabled }\n  account { id name role }\n}\n" },
  { query: "mutation LogIn($email: String!, $password: String!) {\n  logIn(input: { email: $email, password: $password }) {\n    token mfaRequired mfaToken errors { code message }\n  }\n}\n", variables: '{ "email": "you@example.com", "password": "" }' },
  { query: "query Spend($from: DateTime!, $to: DateTime!) {\n  usage(filter: { from: $from, to: $to }, groupBy: [PROVIDER, MODEL], granularity: DAY) {\n    currency totalCost costBasis\n    series { bucketStart provider model cost }\n  }\n}\n", variables: '{ "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z" }' },
  { query: "query Connections {\n  connections { id provider label keyHint status lastSyncedAt lastError }\n}\n" },
  { query: "subscription Live {\n  usageUpdated { connectionId rowsChanged from to }\n}\n", headers: '{ "authorization": "Bearer " }' },
];

createRoot(document.getElementById("graphiql")!).render(
  createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultHeaders: '{ "authorization": "Bearer " }', shouldPersistHeaders: false }),
);
