import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Two builds: the client entry, with its "use client" directive at the top of each built file
// (test/package/dist.test.ts checks it), and the server entry, which must never carry it, built for a neutral
// platform so it stays free of Node-only and DOM-only code.
//
// The client entry goes through Rollup's tree-shaking after esbuild: esbuild leaves one `import ... from
// "react"` per source module and keeps module-level constants it cannot prove pure, Rollup merges the imports
// and drops the rest. Rollup drops module directives too, so "use client" is written once the files are built.
const withUseClient = (file: string) => {
  const code = readFileSync(file, "utf8");
  if (!code.startsWith('"use client"')) writeFileSync(file, `"use client";\n${code}`);
};

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    external: ["react", "react-dom", "react/jsx-runtime"],
    treeshake: true,
    onSuccess: async () => {
      withUseClient("dist/index.js");
      withUseClient("dist/index.cjs");
      copyFileSync("src/events/schema.json", "dist/schema.json");
      copyFileSync("src/styles/styles.css", "dist/styles.css");
    },
  },
  {
    // One entry per shipped language (`react-feedback-loop/locales/de`): plain data, so an app pays only for
    // the one it imports.
    entry: Object.fromEntries(
      readdirSync("src/locales").map((file) => [`locales/${file.replace(/\.ts$/, "")}`, `src/locales/${file}`]),
    ),
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
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
