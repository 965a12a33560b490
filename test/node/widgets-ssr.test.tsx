import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import {
  CopyButton,
  FeedbackForm,
  FeedbackMessage,
  FeedbackProvider,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
} from "../../src";

describe("widgets on the server", () => {
  it("render to HTML with no DOM, with their state in the markup", async () => {
    // The form's code arrives on first use; a server that renders one loads it first.
    await FeedbackForm.preload();
    const html = renderToString(
      <FeedbackProvider sink={memorySink()}>
        <FeedbackMessage messageId="m1" content="Hello">
          <ThumbsFeedback defaultValue="up" />
          <FeedbackForm rating="down" />
          <CopyButton />
          <RegenerateButton onRegenerate={() => {}} />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    const upButton = html.match(/<button[^>]*aria-label="Good response"[^>]*>/)?.[0];
    expect(upButton).toContain('aria-pressed="true"');
    expect(html).toContain('data-state="up"');
    expect(html).toContain("What went wrong?");
    expect(html).toContain('aria-label="Copy"');
    expect(html).toContain('aria-label="Regenerate"');
  });

  it("render a form whose code has not arrived as nothing, and the rest as usual", async () => {
    vi.resetModules();
    const kit = await import("../../src");
    const html = renderToString(
      <kit.FeedbackProvider sink={kit.memorySink()}>
        <kit.FeedbackMessage messageId="m1" content="Hello">
          <kit.FeedbackForm rating="down" />
          <kit.CopyButton />
        </kit.FeedbackMessage>
      </kit.FeedbackProvider>,
    );
    expect(html).not.toContain("What went wrong?");
    expect(html).toContain('aria-label="Copy"');
  });
});
