// Names the page shares with the server. One place, so a rename (e.g. to the `__Host-`
// prefixed cookies) is a one-line change here.
export const COOKIES = { session: "__Host-mw_session", csrf: "__Host-mw_csrf" } as const;
export const CSRF_HEADER = "X-CSRF-Token";
export const GRAPHQL_PATH = "/graphql";
export const EXPORT_PATH = "/export/usage.csv";
