import { CopyButton } from "../../src";

type Block = { kind: "text"; text: string } | { kind: "code"; language: string; code: string };

/** Splits an answer into paragraphs and fenced code blocks (a code block still streaming counts as one). */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const parts = text.split(/```/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const newline = part.indexOf("\n");
      const language = newline === -1 ? "" : part.slice(0, newline).trim();
      const code = newline === -1 ? "" : part.slice(newline + 1).replace(/\n$/, "");
      out.push({ kind: "code", language, code });
    } else {
      for (const paragraph of part.split(/\n{2,}/)) {
        if (paragraph.trim()) out.push({ kind: "text", text: paragraph.trim() });
      }
    }
  });
  return out;
}

/**
 * An answer as text: paragraphs, and code blocks with their own copy button (`source: "code"`). Rendered as
 * text, never as HTML.
 */
export function MessageText({ text, streaming = false }: { text: string; streaming?: boolean }) {
  // Keyed by position: blocks only ever grow at the end while an answer streams in.
  const all = blocks(text);
  return (
    <div className="demo-text">
      {all.map((block, i) =>
        block.kind === "text" ? (
          <p key={i}>{block.text}</p>
        ) : (
          <figure key={i} className="demo-code">
            <figcaption>
              <span>{block.language || "code"}</span>
              {!streaming && (
                <CopyButton
                  text={block.code}
                  source="code"
                  aria-label={block.language ? `Copy ${block.language} code` : "Copy code"}
                />
              )}
            </figcaption>
            <pre>
              <code>{block.code}</code>
            </pre>
          </figure>
        ),
      )}
    </div>
  );
}
