// The README's useChat recipe is the code in stories/recipes/ai-sdk/, which the typecheck checks against the
// installed `ai` and `@ai-sdk/react` and the Recipes story runs: this keeps the two the same, token for token,
// but for the import of the package itself (the formatter may wrap the longer import line differently).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

/** The fenced block of the README whose first line is `// <file>`, without its fences. */
function readmeBlock(file: string): string | undefined {
  const blocks = readme.match(/```tsx?\n[\s\S]*?\n```/g) ?? [];
  const block = blocks.find((each) => each.split("\n")[1] === `// ${file}`);
  return block?.split("\n").slice(1, -1).join("\n");
}

/** A recipe file as a user pastes it: importing the package by name, not the source folder. */
function asPublished(file: string): string {
  const code = readFileSync(path.join(root, "stories/recipes/ai-sdk", file), "utf8");
  return code.replace(/from "(\.\.\/)+src"/g, 'from "react-feedback-loop"').trimEnd();
}

/** The code without its layout: no whitespace, no trailing commas. */
const tokens = (code: string | undefined) => code?.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");

describe("the README's useChat recipe", () => {
  it.each([
    ["app/chat/Chat.tsx", "Chat.tsx"],
    ["app/api/chat/route.ts", "route.ts"],
  ])("quotes %s whole, as stories/recipes/ai-sdk/%s has it", (appFile, recipeFile) => {
    const quoted = readmeBlock(appFile);
    expect(quoted).toBeDefined();
    expect(tokens(quoted)).toBe(tokens(asPublished(recipeFile)));
  });
});
