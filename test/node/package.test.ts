import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { requireBuild, root } from "./built";

requireBuild();
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
// Node resolves the package by its own name through the exports map, as an app would.
const node = (code: string, ...flags: string[]) =>
  execFileSync(process.execPath, [...flags, "--input-type=module", "-e", code], { cwd: root, encoding: "utf8" });

describe("the built package", () => {
  it('keeps "use client" in the directive prologue of both client builds', () => {
    for (const file of ["dist/index.js", "dist/index.cjs"]) {
      const prologue = read(file).split("\n").slice(0, 2).join("\n");
      expect(prologue, file).toMatch(/^("use strict";\n)?"use client";/);
    }
  });

  it('never marks the server entry "use client", and keeps it free of React and Node-only modules', () => {
    for (const file of ["dist/server.js", "dist/server.cjs"]) {
      const code = read(file);
      expect(code, file).not.toContain("use client");
      expect(code, file).not.toMatch(/from ["']react|require\(["']react/);
      expect(code, file).not.toMatch(/from ["']node:|require\(["']node:/);
    }
  });

  it("resolves every export of the map for import and require", () => {
    const output = node(`
      import { createRequire } from "node:module";
      const require = createRequire(import.meta.url);
      const esm = await import("react-feedback-loop");
      const cjs = require("react-feedback-loop");
      const server = await import("react-feedback-loop/server");
      const serverCjs = require("react-feedback-loop/server");
      const schema = require("react-feedback-loop/schema.json");
      console.log(JSON.stringify({
        esm: typeof esm.FeedbackProvider, cjs: typeof cjs.FeedbackProvider,
        server: typeof server.validateEvent, serverCjs: typeof serverCjs.validateEvent,
        schema: schema.title, css: require.resolve("react-feedback-loop/styles.css").endsWith("dist/styles.css"),
      }));
    `);
    expect(JSON.parse(output)).toEqual({
      esm: "function",
      cjs: "function",
      server: "function",
      serverCjs: "function",
      schema: "react-feedback-loop feedback event, contract v1",
      css: true,
    });
  });

  it("ships the schema generated from the types", () => {
    expect(JSON.parse(read("dist/schema.json"))).toEqual(JSON.parse(read("src/events/schema.json")));
  });
});
