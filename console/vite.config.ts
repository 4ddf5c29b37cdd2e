// Builds the console (index.html) and the development GraphiQL page (graphiql.html) into the
// Python package, so the server ships them as package data. Output names are content hashes
// and nothing is inlined: the page CSP allows scripts and styles from 'self' only.
import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [preact({ reactAliasesEnabled: false })],
  base: "/",
  build: {
    // METERWISE_CONSOLE_OUT lets the reproducibility test build elsewhere and compare.
    outDir: process.env.METERWISE_CONSOLE_OUT ?? resolve(__dirname, "../meterwise/web/static"),
    emptyOutDir: true,
    assetsDir: "assets",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: resolve(__dirname, "index.html"),
        graphiql: resolve(__dirname, "graphiql.html"),
      },
    },
  },
});
