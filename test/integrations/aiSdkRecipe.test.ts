// The README's useChat and assistant-ui recipes are the code in stories/recipes/ai-sdk/ and
// stories/recipes/assistant-ui/, which the typecheck checks against the installed `ai`, `@ai-sdk/react` and
// `@assistant-ui/react` and the Recipes stories run: this keeps the two the same, token for token, but for the
// import of the package itself (the formatter may wrap the longer import line differently).
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
function asPublished(recipe: string, file: string): string {
  const code = readFileSync(path.join(root, "stories/recipes", recipe, file), "utf8");
  return code.replace(/from "(\.\.\/)+src"/g, 'from "react-feedback-loop"').trimEnd();
}

/** The code without its layout: no whitespace, no trailing commas. */
const tokens = (code: string | undefined) => code?.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");

describe("the README's recipes", () => {
  it.each([
    ["app/chat/Chat.tsx", "ai-sdk", "Chat.tsx"],
    ["app/api/chat/route.ts", "ai-sdk", "route.ts"],
    ["app/assistant/Assistant.tsx", "assistant-ui", "Assistant.tsx"],
    ["app/api/assistant/route.ts", "assistant-ui", "route.ts"],
  ])("quote %s whole, as stories/recipes/%s/%s has it", (appFile, recipe, recipeFile) => {
    const quoted = readmeBlock(appFile);
    expect(quoted).toBeDefined();
    expect(tokens(quoted)).toBe(tokens(asPublished(recipe, recipeFile)));
  });
});
