import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../src");

/** Every source file the entry reaches through relative imports, with the bare imports each one makes. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    // Comments hold usage examples (`import ... from "react-feedback-loop/server"`): only code counts.
    const text = readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1] as string);
    graph.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith(".")),
    );
    for (const specifier of specifiers.filter((s) => s.startsWith("."))) {
      const base = path.resolve(path.dirname(file), specifier);
      const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
      const found = candidates.find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (found) visit(found);
    }
  };
  visit(entry);
  return graph;
}

describe("the server entry runs on edge runtimes", () => {
  it("reaches no node: module, no React and no DOM-only package, relay and node adapter included", () => {
    const graph = importGraph(path.join(src, "server.ts"));
    expect([...graph.keys()].map((file) => path.relative(src, file))).toEqual(
      expect.arrayContaining(["server/createFeedbackHandler.ts", "server/toNodeHandler.ts", "sinks/phoenixSink.ts"]),
    );
    const bare = [...graph.values()].flat();
    expect(bare.filter((specifier) => specifier.startsWith("node:") || specifier.startsWith("react"))).toEqual([]);
  });
});
