import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type AnswerVersion,
  AnswerVersions,
  ComparePrompt,
  type ComparePromptProps,
  FeedbackMessage,
  FeedbackProvider,
  type MemorySink,
  MessageActions,
  memorySink,
  ThumbsFeedback,
} from "../../src";
import { labels as fr } from "../../src/locales/fr";

const FIRST: AnswerVersion = {
  messageId: "a1",
  content: "Use <b>setTimeout</b> & clear it on each call.",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  prompt: [{ role: "user", content: "How do I debounce?" }],
};
const SECOND: AnswerVersion = {
  messageId: "a2",
  content: "Wrap the function so that each call restarts a timer.",
  traceId: "5bf92f3577b34da6a3ce929d0e0e4737",
  spanId: "10f067aa0ba902b8",
  runId: "0190b6e4-6f1c-7cc2-9d8e-5f0e7c1b2a3d",
  prompt: FIRST.prompt,
};

afterEach(() => sessionStorage.clear());

function renderPrompt(props: Partial<ComparePromptProps> = {}, sink: MemorySink = memorySink()) {
  const user = userEvent.setup();
  const view = render(
    <FeedbackProvider sink={sink} context={{ sessionId: "s1" }}>
      <button type="button">Regenerate</button>
      <ComparePrompt a={FIRST} b={SECOND} {...props} />
    </FeedbackProvider>,
  );
  return { sink, user, ...view };
}

const group = () => screen.getByRole("group", { name: "Which response is better?" });
const preferences = (sink: MemorySink) => sink.events.filter((event) => event.type === "preference");

describe("ComparePrompt", () => {
  it("asks with both answers, as text, and a named choice for each", async () => {
    renderPrompt();
    const prompt = await screen.findByRole("group", { name: "Which response is better?" });
    expect(within(prompt).getByText(FIRST.content)).toBeInTheDocument();
    expect(prompt.querySelector("b")).toBeNull();
    expect(within(prompt).getByRole("button", { name: "This one Response 1" })).toBeInTheDocument();
    expect(within(prompt).getByRole("button", { name: "This one Response 2" })).toBeInTheDocument();
    expect(within(prompt).getByRole("button", { name: "About the same" })).toBeInTheDocument();
    expect(within(prompt).getByRole("button", { name: "Skip" })).toBeInTheDocument();
  });

  it("takes the focus, and on a choice emits a clear preference, thanks and gives the focus back", async () => {
    const onOpenChange = vi.fn();
    const onChoice = vi.fn();
    const sink = memorySink();
    const user = userEvent.setup();
    function Chat() {
      const [open, setOpen] = useState(false);
      return (
        <FeedbackProvider sink={sink}>
          <button type="button" onClick={() => setOpen(true)}>
            Regenerate
          </button>
          <ComparePrompt
            a={FIRST}
            b={SECOND}
            open={open}
            onChoice={onChoice}
            onOpenChange={(next) => {
              onOpenChange(next);
              setOpen(next);
            }}
          />
        </FeedbackProvider>
      );
    }
    render(<Chat />);
    expect(screen.queryByRole("group")).toBeNull();
    const regenerate = screen.getByRole("button", { name: "Regenerate" });
    regenerate.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(group()).toHaveFocus());
    await user.tab();
    await user.tab();
    expect(screen.getByRole("button", { name: "This one Response 2" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("group")).toBeNull();
    expect(regenerate).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for your feedback");
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(onChoice).toHaveBeenCalledWith("b");
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    expect(preferences(sink)[0]).toMatchObject({
      messageId: "a2",
      traceId: SECOND.traceId,
      spanId: SECOND.spanId,
      runId: SECOND.runId,
      rejectedMessageId: "a1",
      rejectedTraceId: FIRST.traceId,
      rejectedSpanId: FIRST.spanId,
      strength: "clear",
      source: "compare",
      chosen: SECOND.content,
      rejected: FIRST.content,
      prompt: FIRST.prompt,
      feedbackKey: "a1|a2:preference",
    });
    // Asked once per pair: opened again, it does not appear.
    await user.click(regenerate);
    await act(async () => {});
    expect(screen.queryByRole("group")).toBeNull();
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });

  it("About the same is a tie with the first answer as messageId; Skip and Escape send nothing", async () => {
    const { sink, user, unmount } = renderPrompt();
    await user.click(within(await screen.findByRole("group")).getByRole("button", { name: "About the same" }));
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    expect(preferences(sink)[0]).toMatchObject({ messageId: "a1", rejectedMessageId: "a2", strength: "tie" });
    unmount();

    const third: AnswerVersion = { messageId: "a3", content: "Debounce with a closure." };
    const skipped = renderPrompt({ b: third });
    await skipped.user.click(within(await screen.findByRole("group")).getByRole("button", { name: "Skip" }));
    expect(screen.queryByRole("group")).toBeNull();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    skipped.unmount();

    const fourth: AnswerVersion = { messageId: "a4", content: "Throttle instead." };
    const escaped = renderPrompt({ b: fourth });
    await screen.findByRole("group");
    await escaped.user.keyboard("{Escape}");
    expect(screen.queryByRole("group")).toBeNull();
    await act(async () => {});
    expect(preferences(escaped.sink)).toEqual([]);
    expect(preferences(skipped.sink)).toEqual([]);
  });

  it("samples: out when the random draw is at or above sample, in below it, decided once per pair", async () => {
    const onOpenChange = vi.fn();
    const out = renderPrompt({ sample: 0.25, random: () => 0.25, onOpenChange });
    await act(async () => {});
    expect(screen.queryByRole("group")).toBeNull();
    expect(onOpenChange).toHaveBeenCalledWith(false);
    out.unmount();
    // Sampled out is decided: a second chance for the same pair would raise the rate.
    renderPrompt({ sample: 0.25, random: () => 0 }).unmount();
    await act(async () => {});
    expect(screen.queryByRole("group")).toBeNull();

    renderPrompt({ b: { messageId: "a9", content: "Other." }, sample: 0.25, random: () => 0.1 });
    expect(await screen.findByRole("group")).toBeInTheDocument();
  });

  it("remembers the pairs asked about in sessionStorage, for a reload", async () => {
    renderPrompt().unmount();
    expect(JSON.parse(sessionStorage.getItem("react-feedback-loop:pairs") ?? "{}")).toEqual({
      compare: { "a1|a2": "decided" },
    });
  });

  it("does not ask again about a pair answered before, when mounted again", async () => {
    const sink = memorySink();
    const first = renderPrompt({}, sink);
    await first.user.click(await screen.findByRole("button", { name: "This one Response 1" }));
    first.unmount();
    const onOpenChange = vi.fn();
    renderPrompt({ onOpenChange }, sink);
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(screen.queryByRole("group")).toBeNull();
    // A reload (a new provider, the same tab) remembers it too.
    expect(JSON.parse(sessionStorage.getItem("react-feedback-loop:pairs") ?? "{}").compare).toEqual({
      "a1|a2": "answered",
    });
  });

  it("uncontrolled, asks again when given a new pair (another regenerate)", async () => {
    const sink = memorySink();
    const user = userEvent.setup();
    const third: AnswerVersion = { messageId: "a5", content: "Use requestAnimationFrame for resize." };
    const { rerender } = render(
      <FeedbackProvider sink={sink}>
        <ComparePrompt a={FIRST} b={SECOND} />
      </FeedbackProvider>,
    );
    await user.click(await screen.findByRole("button", { name: "This one Response 2" }));
    rerender(
      <FeedbackProvider sink={sink}>
        <ComparePrompt a={SECOND} b={third} />
      </FeedbackProvider>,
    );
    const prompt = await screen.findByRole("group", { name: "Which response is better?" });
    expect(within(prompt).getByText(third.content)).toBeInTheDocument();
    await user.click(within(prompt).getByRole("button", { name: "This one Response 2" }));
    await waitFor(() => expect(preferences(sink)).toHaveLength(2));
    expect(preferences(sink)[1]).toMatchObject({ messageId: "a5", rejectedMessageId: "a2" });
  });

  it("gives the focus to its thank-you when there was nowhere to give it back to", async () => {
    // Nothing has the focus when it opens (the page's body).
    const { user } = renderPrompt();
    const prompt = await screen.findByRole("group", { name: "Which response is better?" });
    await waitFor(() => expect(prompt).toHaveFocus());
    await user.keyboard("{Tab}{Enter}");
    expect(screen.getByRole("status")).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Thanks for your feedback");
  });

  it("does not take the focus from a text box the user is typing in", async () => {
    const user = userEvent.setup();
    function Chat() {
      const [open, setOpen] = useState(false);
      return (
        <FeedbackProvider sink={memorySink()}>
          <textarea aria-label="Your question" onChange={() => setOpen(true)} />
          <ComparePrompt a={FIRST} b={SECOND} open={open} onOpenChange={setOpen} />
        </FeedbackProvider>
      );
    }
    render(<Chat />);
    await user.type(screen.getByRole("textbox", { name: "Your question" }), "W");
    await screen.findByRole("group");
    expect(screen.getByRole("textbox", { name: "Your question" })).toHaveFocus();
  });

  it("speaks the provider's language", async () => {
    render(
      <FeedbackProvider sink={memorySink()} labels={fr}>
        <ComparePrompt a={FIRST} b={SECOND} />
      </FeedbackProvider>,
    );
    const prompt = await screen.findByRole("group", { name: fr.compareTitle });
    expect(within(prompt).getByRole("button", { name: `${fr.compareChoose} Réponse 1` })).toBeInTheDocument();
    expect(within(prompt).getByRole("button", { name: fr.compareTie })).toBeInTheDocument();
  });

  it("a compare choice is not replaced by a kept version of the same pair", async () => {
    const sink = memorySink();
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={sink}>
        <AnswerVersions versions={[FIRST, SECOND]}>
          {(version) => (
            <FeedbackMessage messageId={version.messageId} content={version.content}>
              <p>{version.content}</p>
              <MessageActions>
                <ThumbsFeedback />
              </MessageActions>
            </FeedbackMessage>
          )}
        </AnswerVersions>
        <ComparePrompt a={FIRST} b={SECOND} />
      </FeedbackProvider>,
    );
    await user.click(await screen.findByRole("button", { name: "This one Response 2" }));
    await user.click(screen.getByRole("button", { name: "Previous answer" }));
    await user.click(screen.getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(sink.events.some((event) => event.type === "rating")).toBe(true));
    expect(preferences(sink)).toHaveLength(1);
    expect(preferences(sink)[0]).toMatchObject({ source: "compare", messageId: "a2" });
  });
});
