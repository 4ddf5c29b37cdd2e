// Builds the console (index.html) and, in a second pass (`--mode graphiql`), the development
// GraphiQL page into the Python package, which ships them as package data. Output names are
// content hashes and nothing is inlined into HTML: the page CSP allows scripts and styles
// from 'self' only. GraphiQL's lazy CodeMirror chunks are inlined into one file because
// Rollup names same-named lazy chunks in a varying order, which broke reproducibility.
import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig(({ mode }) => {
  const graphiql = mode === "graphiql";
  return {
    plugins: [preact({ reactAliasesEnabled: false })],
    base: "/",
    build: {
      // METERWISE_CONSOLE_OUT lets the reproducibility test build elsewhere and compare.
      outDir: process.env.METERWISE_CONSOLE_OUT ?? resolve(__dirname, "../meterwise/web/static"),
      emptyOutDir: !graphiql,
      assetsDir: "assets",
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      commonjsOptions: { strictRequires: true },
      rollupOptions: {
        input: { [graphiql ? "graphiql" : "index"]: resolve(__dirname, graphiql ? "graphiql.html" : "index.html") },
        output: { inlineDynamicImports: graphiql },
      },
    },
  };
});
