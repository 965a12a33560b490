import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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
    for (const file of ["dist/server.js", "dist/server.cjs", "dist/datasets.js", "dist/datasets.cjs"]) {
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
      const datasets = await import("react-feedback-loop/datasets");
      const datasetsCjs = require("react-feedback-loop/datasets");
      const schema = require("react-feedback-loop/schema.json");
      console.log(JSON.stringify({
        esm: typeof esm.FeedbackProvider, cjs: typeof cjs.FeedbackProvider,
        server: typeof server.validateEvent, serverCjs: typeof serverCjs.validateEvent,
        datasets: typeof datasets.toPreferencePairs, datasetsCjs: typeof datasetsCjs.toKto,
        schema: schema.title, css: require.resolve("react-feedback-loop/styles.css").endsWith("dist/styles.css"),
      }));
    `);
    expect(JSON.parse(output)).toEqual({
      esm: "function",
      cjs: "function",
      server: "function",
      serverCjs: "function",
      datasets: "function",
      datasetsCjs: "function",
      schema: "react-feedback-loop feedback event, contract v1",
      css: true,
    });
  });

  it("splits off what a page needs only on first use, loaded by import() and never by a static import", () => {
    const files = readdirSync(path.join(root, "dist"));
    const entry = read("dist/index.js");
    for (const part of ["FeedbackForm", "editEventInput", "deliveryQueue"]) {
      const chunk = files.find((file) => file.startsWith(`${part}-`) && file.endsWith(".js"));
      expect(chunk, part).toBeDefined();
      // The size budget leaves these chunks out by name: each must hold its part's code, not re-export it.
      expect(read(`dist/${chunk}`).length, part).toBeGreaterThan(1000);
      expect(entry, part).not.toMatch(new RegExp(`from ["']\\./${part}-`));
    }
    expect(entry).toMatch(/import\(["']\.\/FeedbackForm-/);
  });

  it("ships the schema generated from the types", () => {
    expect(JSON.parse(read("dist/schema.json"))).toEqual(JSON.parse(read("src/events/schema.json")));
  });
});
