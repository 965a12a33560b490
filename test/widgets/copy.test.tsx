import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CopyButton, FeedbackMessage, FeedbackProvider, memorySink, ThumbsFeedback, useCopy } from "../../src";
import { renderInMessage } from "./renderInMessage";

const CONTENT = "Paris is the capital of France.";

function selectText(node: Node, start: number, end: number) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("CopyButton", () => {
  it("writes the message to the clipboard, says Copied for 1.5 s, and emits copy from the button", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { sink } = renderInMessage(<CopyButton />);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Copied" })).toBeInTheDocument());
    expect(await navigator.clipboard.readText()).toBe(CONTENT);
    // Said to screen readers through the provider's one live region.
    expect(screen.getByRole("log")).toHaveTextContent(/^Copied$/);
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ type: "copy", source: "button", chars: CONTENT.length, fraction: 1 });
    expect(sink.events[0]).not.toHaveProperty("text");
    act(() => vi.advanceTimersByTime(1500));
    expect(screen.getByRole("button", { name: "Copy" })).toHaveAttribute("data-state", "idle");
  });

  it("falls back to execCommand where navigator.clipboard is missing", async () => {
    const { sink, user } = renderInMessage(<CopyButton />);
    // user-event installs its own clipboard on setup; take it away as an old or insecure page would.
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    const button = screen.getByRole("button", { name: "Copy" });
    await user.click(button);
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(button).toHaveFocus();
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ type: "copy", source: "button" });
  });

  it("shows Copy failed and emits nothing when no way of copying works", async () => {
    const { delivered, user } = renderInMessage(<CopyButton />);
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    Object.defineProperty(document, "execCommand", { value: () => false, configurable: true });
    await user.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Copy failed" })).toBeInTheDocument());
    expect(screen.getByRole("log")).toHaveTextContent(/^Copy failed$/);
    expect(await delivered()).toHaveLength(0);
  });

  it("says Copied again on a second copy, through one live region for every button of the chat", async () => {
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={memorySink()}>
        {["m1", "m2", "m3"].map((id) => (
          <FeedbackMessage key={id} messageId={id} content={`Answer ${id}`}>
            <CopyButton />
          </FeedbackMessage>
        ))}
      </FeedbackProvider>,
    );
    expect(screen.getAllByRole("log")).toHaveLength(1);
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    // A log: a polite live region, hearing additions.
    const region = screen.getByRole("log");
    expect(region).toBeEmptyDOMElement();
    const [first, second] = screen.getAllByRole("button", { name: "Copy" }) as [HTMLElement, HTMLElement];
    await user.click(first);
    await waitFor(() => expect(region).toHaveTextContent(/^Copied$/));
    const said = region.firstElementChild;
    // The same words from another button: a new addition to the region, so a screen reader says them again.
    await user.click(second);
    await waitFor(() => expect(region.firstElementChild).not.toBe(said));
    expect(region).toHaveTextContent(/^Copied$/);
  });

  it("leaves saying it to the app's own button with useCopy, unless asked", async () => {
    function MyCopy({ announce }: { announce?: boolean }) {
      const copy = useCopy(announce ? { announce } : {});
      return <button {...copy.getButtonProps()}>{copy.label}</button>;
    }
    const { user, rerender } = renderInMessage(<MyCopy />);
    await user.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Copied" })).toBeInTheDocument());
    expect(screen.getByRole("log")).toBeEmptyDOMElement();
    rerender(
      <FeedbackProvider sink={memorySink()}>
        <FeedbackMessage messageId="m2" content="Another answer">
          <MyCopy announce />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(screen.getByRole("log")).toHaveTextContent(/^Copied$/));
  });

  it("copies its own text as a code block's button, with the share of the message", async () => {
    const { sink, user } = renderInMessage(<CopyButton text="Paris" source="code" includeText />);
    await user.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({
      source: "code",
      chars: 5,
      fraction: Math.round((5 / CONTENT.length) * 10_000) / 10_000,
      text: "Paris",
    });
  });

  it("is disabled when there is nothing to copy, or when told", async () => {
    const sink = memorySink();
    render(
      <FeedbackProvider sink={sink}>
        <FeedbackMessage messageId="empty">
          <CopyButton />
        </FeedbackMessage>
        <FeedbackMessage messageId="m2" content="Text">
          <CopyButton disabled labels={{ copy: "Copy disabled" }} />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    expect(screen.getByRole("button", { name: "Copy" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Copy disabled" })).toBeDisabled();
  });

  it("runs the app's onClick first; preventDefault stops the copy (asChild)", async () => {
    const { delivered, user } = renderInMessage(
      <CopyButton asChild>
        <button type="button" className="app-button" onClick={(event) => event.preventDefault()}>
          Copy answer
        </button>
      </CopyButton>,
    );
    const button = screen.getByRole("button", { name: "Copy answer" });
    expect(button).toHaveClass("app-button");
    await user.click(button);
    expect(await delivered()).toHaveLength(0);
  });
});

describe("copy of a selection", () => {
  it("emits copy with source selection, chars and fraction on a native copy inside the message", async () => {
    const { delivered } = renderInMessage(<ThumbsFeedback />);
    const paragraph = screen.getByText(CONTENT);
    selectText(paragraph.firstChild as Node, 0, 5);
    fireEvent.copy(paragraph);
    const events = await delivered();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "copy",
      source: "selection",
      chars: 5,
      fraction: Math.round((5 / CONTENT.length) * 10_000) / 10_000,
    });
    expect(events[0]).not.toHaveProperty("text");
  });

  it("reports a copy from a code block as source code, with the text when the app opts in", async () => {
    const { delivered } = renderInMessage(
      <pre>
        <code>npm install react-feedback-loop</code>
      </pre>,
      { provider: { includeCopiedText: true } },
    );
    const code = screen.getByText("npm install react-feedback-loop");
    selectText(code.firstChild as Node, 0, 11);
    fireEvent.copy(code);
    const events = await delivered();
    expect(events[0]).toMatchObject({ type: "copy", source: "code", chars: 11, text: "npm install" });
  });

  it("ignores empty selections and copies from the widgets' own fields", async () => {
    const { delivered, user } = renderInMessage(<ThumbsFeedback />);
    window.getSelection()?.removeAllRanges();
    fireEvent.copy(screen.getByText(CONTENT));
    await user.click(screen.getByRole("button", { name: "Bad response" }));
    // The form's code arrives on first use.
    const comment = await screen.findByRole("textbox", { name: "Comment (optional)" });
    await user.type(comment, "my words");
    selectText(screen.getByText(CONTENT).firstChild as Node, 0, 5);
    fireEvent.copy(comment);
    const events = await delivered();
    expect(events.map((event) => event.type)).toEqual(["rating"]);
  });
});

describe("useCopy", () => {
  it("gives a copy action and label for the app's own button", async () => {
    function MyCopy() {
      const copy = useCopy({ text: "Paris" });
      return (
        <button type="button" onClick={() => void copy.copy()}>
          {copy.label} now
        </button>
      );
    }
    const { sink, user } = renderInMessage(<MyCopy />);
    await user.click(screen.getByRole("button", { name: "Copy now" }));
    expect(await screen.findByRole("button", { name: "Copied now" })).toBeInTheDocument();
    await waitFor(() => expect(sink.events).toHaveLength(1));
  });
});
