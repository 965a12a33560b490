import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import {
  AnswerVersions,
  ComparePrompt,
  FeedbackMessage,
  FeedbackProvider,
  MessageActions,
  memorySink,
} from "../../src";

const VERSIONS = [
  { messageId: "m1", content: "First answer." },
  { messageId: "m2", content: "Second answer." },
];

describe("answer versions and the compare prompt on the server", () => {
  it("render the shown version with its stepper, and no prompt until the page decides to ask", () => {
    const warn = vi.spyOn(console, "error");
    const html = renderToString(
      <FeedbackProvider sink={memorySink()}>
        <AnswerVersions versions={VERSIONS}>
          {(version) => (
            <FeedbackMessage messageId={version.messageId} content={version.content}>
              <p>{version.content}</p>
              <MessageActions />
            </FeedbackMessage>
          )}
        </AnswerVersions>
        <ComparePrompt a={VERSIONS[0] as (typeof VERSIONS)[0]} b={VERSIONS[1] as (typeof VERSIONS)[1]} />
      </FeedbackProvider>,
    );
    expect(html).toContain("Second answer.");
    expect(html).not.toContain("First answer.");
    expect(html).toContain('aria-label="Previous answer"');
    expect(html).toContain("2 / 2");
    expect(html).not.toContain("Which response is better?");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
