import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
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
  it("render to HTML with no DOM, with their state in the markup", () => {
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
});
