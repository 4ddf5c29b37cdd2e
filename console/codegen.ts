// Types every operation in src/ from the committed schema.graphql (kept equal to the
// server's by tests/console/test_schema.py). String documents: no graphql-js in the bundle.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      config: {
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Decimal: "string", JSON: "unknown" },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
