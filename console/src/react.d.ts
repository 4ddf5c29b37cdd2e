// The GraphiQL page is the only React code and uses two calls; their types are not worth
// @types/react next to Preact's JSX types.
declare module "react";
declare module "react-dom/client";
