import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Three builds: the client entry, with its "use client" directive at the top of each built file
// (test/node/package.test.ts checks it); the server and dataset entries, which must never carry it, built for a
// neutral platform so they stay free of Node-only and DOM-only code; and the command line.
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
    // What a page needs only on first use (the follow-up form, the diff engine, the persisted queue) goes into
    // chunks the entry loads through `import()`; CommonJS keeps one file.
    splitting: true,
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
    // Each script as itself, not as \u escapes that would make an Arabic or Hindi pack several times larger.
    esbuildOptions: (options) => {
      options.charset = "utf8";
    },
  },
  {
    entry: { server: "src/server.ts", datasets: "src/datasets.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // The insights components and `summarize`: their own entry, so the widgets never carry the charts. Client
    // components like the widgets ("use client"); visx stays external, an optional peer of this entry only.
    entry: { insights: "src/insights.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    external: ["react", "react-dom", "react/jsx-runtime", /^@visx\//],
    treeshake: true,
    onSuccess: async () => {
      withUseClient("dist/insights.js");
      withUseClient("dist/insights.cjs");
      copyFileSync("src/insights/insights.css", "dist/insights.css");
    },
  },
  {
    // The collector dashboard's browser script: React, the insights components and visx in one minified file,
    // served by `serve` itself, so the dashboard needs no build step and no network.
    entry: { dashboard: "src/insights/dashboard/client.tsx" },
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    minify: true,
    noExternal: [/.*/],
    define: { "process.env.NODE_ENV": '"production"' },
  },
  {
    // The CLI (collector and exports): Node only, ESM, run through the package's `bin`.
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    // The dashboard's charts ride along: `serve` must work where only React is installed.
    noExternal: [/^@visx\//],
  },
]);
