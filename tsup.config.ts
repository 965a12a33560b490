import { copyFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Two builds: the client entry keeps its "use client" directive at the top of each built file (esbuild keeps
// an entry's directives; test/package/dist.test.ts checks it), and the server entry, which must never carry it,
// is built for a neutral platform so it stays free of Node-only and DOM-only code.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    external: ["react", "react-dom", "react/jsx-runtime"],
    onSuccess: async () => {
      copyFileSync("src/events/schema.json", "dist/schema.json");
      copyFileSync("src/styles/styles.css", "dist/styles.css");
    },
  },
  {
    entry: { server: "src/server.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // The CLI (collector and exports): Node only, ESM, run through the package's `bin`.
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
