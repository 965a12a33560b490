import type { ComponentProps } from "react";
import Markdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import { CopyButton } from "../../src";

/** The little of a syntax-tree node that reading a code block's text needs. */
interface TreeNode {
  type: string;
  value?: string;
  children?: TreeNode[];
  properties?: { className?: unknown };
}

function textOf(node: TreeNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function languageOf(code: TreeNode | undefined): string {
  const classes = code?.properties?.className;
  const names = Array.isArray(classes) ? classes.map(String) : [];
  return names.find((name) => name.startsWith("language-"))?.slice("language-".length) ?? "";
}

type PreProps = ComponentProps<"pre"> & { node?: TreeNode };

/** A fenced code block: its language, a copy button for exactly its code (`source: "code"`), the highlighted code. */
function CodeBlock({ node, children, streaming }: PreProps & { streaming: boolean }) {
  const code = node?.children?.find((child) => child.type === "element");
  const language = languageOf(code);
  const text = textOf(code).replace(/\n$/, "");
  return (
    <figure className="demo-code">
      <figcaption>
        <span>{language || "code"}</span>
        {!streaming && (
          <CopyButton text={text} source="code" aria-label={language ? `Copy ${language} code` : "Copy code"} />
        )}
      </figcaption>
      <pre>{children}</pre>
    </figure>
  );
}

// Only blocks that name their language are highlighted: guessing costs time on every streamed word.
const rehypePlugins: ComponentProps<typeof Markdown>["rehypePlugins"] = [[rehypeHighlight, { detect: false }]];

/**
 * An answer as Markdown: paragraphs, lists, emphasis and highlighted code blocks, each with its own copy
 * button. Raw HTML in the answer is never rendered (react-markdown skips it), and links open outside the chat.
 */
export function MessageText({ text, streaming = false }: { text: string; streaming?: boolean }) {
  return (
    <div className="demo-text">
      <Markdown
        rehypePlugins={rehypePlugins}
        components={{
          pre: (props) => <CodeBlock {...(props as PreProps)} streaming={streaming} />,
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer" />,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
