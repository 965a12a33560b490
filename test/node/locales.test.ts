import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { requireBuild, root } from "./built";

requireBuild();

const codes = readdirSync(path.join(root, "src/locales")).map((file) => file.replace(/\.ts$/, ""));

describe("the built language packs", () => {
  it("resolve by name for import and require, one entry per language", () => {
    const output = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `
          import { createRequire } from "node:module";
          const require = createRequire(import.meta.url);
          const found = {};
          for (const code of ${JSON.stringify(codes)}) {
            const esm = await import("react-feedback-loop/locales/" + code);
            const cjs = require("react-feedback-loop/locales/" + code);
            found[code] = [esm.labels.locale, cjs.labels.locale];
          }
          console.log(JSON.stringify(found));
        `,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual(Object.fromEntries(codes.map((code) => [code, [code, code]])));
  });

  it("are plain data: no import of React, of the kit, or of anything else", () => {
    for (const code of codes) {
      for (const file of [`dist/locales/${code}.js`, `dist/locales/${code}.cjs`]) {
        const built = readFileSync(path.join(root, file), "utf8");
        expect(built, file).not.toMatch(/\bfrom\s*["']|\bimport\s*\(|\brequire\(\s*["']/);
      }
    }
  });
});
