import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import {
  type AnswerVersion,
  AnswerVersions,
  type AnswerVersionsProps,
  CopyButton,
  type FeedbackEvent,
  FeedbackMessage,
  FeedbackProvider,
  type MemorySink,
  MessageActions,
  memorySink,
  RegenerateButton,
  ThumbsFeedback,
  VersionStepper,
} from "../../src";
import { labels as de } from "../../src/locales/de";

const V1: AnswerVersion = {
  messageId: "m1",
  content: "Saturday: the Louvre.",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  prompt: [{ role: "user", content: "Plan a rainy weekend in Paris." }],
};
const V2: AnswerVersion = {
  messageId: "m2",
  content: "Saturday: the Musée d'Orsay.",
  traceId: "5bf92f3577b34da6a3ce929d0e0e4737",
  spanId: "10f067aa0ba902b8",
  prompt: V1.prompt,
};
const V3: AnswerVersion = { messageId: "m3", content: "Saturday: the Catacombs.", prompt: V1.prompt };

function Version({ version }: { version: AnswerVersion }) {
  return (
    <FeedbackMessage messageId={version.messageId} traceId={version.traceId} content={version.content}>
      <p>{version.content}</p>
      <MessageActions>
        <CopyButton />
        <RegenerateButton onRegenerate={() => {}} />
        <ThumbsFeedback />
      </MessageActions>
    </FeedbackMessage>
  );
}

function renderVersions(props: Partial<AnswerVersionsProps> = {}) {
  const sink: MemorySink = memorySink();
  const user = userEvent.setup();
  const view = render(
    <FeedbackProvider sink={sink} context={{ sessionId: "s1" }}>
      <AnswerVersions versions={[V1, V2, V3]} {...props}>
        {props.children ?? ((version) => <Version version={version} />)}
      </AnswerVersions>
    </FeedbackProvider>,
  );
  return { sink, user, ...view };
}

const previous = () => screen.getByRole("button", { name: "Previous answer" });
const next = () => screen.getByRole("button", { name: "Next answer" });
const preferences = (sink: MemorySink) => sink.events.filter((event) => event.type === "preference");
// The provider's one live region, where every widget speaks.
const announcer = () => screen.getByRole("log");

describe("AnswerVersions", () => {
  it("shows the newest version by default, with the stepper first in its action bar", () => {
    renderVersions();
    expect(screen.getByText(V3.content)).toBeInTheDocument();
    expect(screen.queryByText(V1.content)).toBeNull();
    const bar = screen.getByRole("toolbar", { name: "Message actions" });
    const stepper = within(bar).getByRole("group", { name: "Answer versions" });
    expect(within(bar).getAllByRole("button")[0]).toBe(
      within(stepper).getByRole("button", { name: "Previous answer" }),
    );
    expect(within(stepper).getByText("3 / 3")).toBeInTheDocument();
    expect(within(stepper).getByText("Answer 3 of 3")).toBeInTheDocument();
    expect(next()).toHaveAttribute("aria-disabled", "true");
    expect(previous()).not.toHaveAttribute("aria-disabled");
  });

  it("steps with Enter and Space, keeps the focus on the button, and announces each position", async () => {
    const onIndexChange = vi.fn();
    const { user } = renderVersions({ onIndexChange });
    await user.tab();
    expect(previous()).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByText(V2.content)).toBeInTheDocument();
    expect(screen.getByText("2 / 3")).toBeInTheDocument();
    // The version (and its bar) is new; the focus is given back to the same button in it.
    expect(previous()).toHaveFocus();
    await waitFor(() => expect(announcer()).toHaveTextContent("Answer 2 of 3"));
    await user.keyboard(" ");
    expect(screen.getByText(V1.content)).toBeInTheDocument();
    expect(previous()).toHaveFocus();
    expect(previous()).toHaveAttribute("aria-disabled", "true");
    await waitFor(() => expect(announcer()).toHaveTextContent("Answer 1 of 3"));
    // At the end nothing moves, and the focus stays.
    await user.keyboard("{Enter}");
    expect(screen.getByText(V1.content)).toBeInTheDocument();
    expect(previous()).toHaveFocus();
    expect(onIndexChange.mock.calls).toEqual([[1], [0]]);
  });

  it("is controlled by index and onIndexChange", async () => {
    function Controlled() {
      const [index, setIndex] = useState(0);
      return (
        <AnswerVersions versions={[V1, V2]} index={index} onIndexChange={setIndex}>
          {(version) => <Version version={version} />}
        </AnswerVersions>
      );
    }
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={memorySink()}>
        <Controlled />
      </FeedbackProvider>,
    );
    expect(screen.getByText(V1.content)).toBeInTheDocument();
    expect(screen.getByText("1 / 2")).toBeInTheDocument();
    await user.click(next());
    expect(screen.getByText(V2.content)).toBeInTheDocument();
  });

  it("moves an uncontrolled stepper to a version added at the end, and announces it", async () => {
    const sink = memorySink();
    function Chat() {
      const [versions, setVersions] = useState([V1]);
      return (
        <AnswerVersions versions={versions}>
          {(version) => (
            <FeedbackMessage messageId={version.messageId} content={version.content}>
              <p>{version.content}</p>
              <MessageActions>
                <RegenerateButton onRegenerate={() => setVersions((all) => [...all, all.length === 1 ? V2 : V3])} />
              </MessageActions>
            </FeedbackMessage>
          )}
        </AnswerVersions>
      );
    }
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={sink}>
        <Chat />
      </FeedbackProvider>,
    );
    // One version: no stepper.
    expect(screen.queryByRole("group", { name: "Answer versions" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Regenerate" }));
    expect(screen.getByText(V2.content)).toBeInTheDocument();
    expect(screen.getByText("2 / 2")).toBeInTheDocument();
    await waitFor(() => expect(announcer()).toHaveTextContent("Answer 2 of 2"));
    await user.click(previous());
    expect(screen.getByText("1 / 2")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Regenerate" }));
    expect(screen.getByText(V3.content)).toBeInTheDocument();
    expect(screen.getByText("3 / 3")).toBeInTheDocument();
  });

  it("draws the stepper under the version when there is no action bar, and where the app puts it", async () => {
    const { user, unmount } = renderVersions({
      children: (version) => (
        <FeedbackMessage messageId={version.messageId}>
          <p>{version.content}</p>
        </FeedbackMessage>
      ),
    });
    const stepper = screen.getByRole("group", { name: "Answer versions" });
    expect(stepper).toHaveAttribute("data-standalone");
    await user.click(previous());
    expect(screen.getByText(V2.content)).toBeInTheDocument();
    unmount();

    renderVersions({
      children: (version) => (
        <FeedbackMessage messageId={version.messageId}>
          <p>{version.content}</p>
          <footer data-testid="own-bar">
            <VersionStepper />
          </footer>
        </FeedbackMessage>
      ),
    });
    expect(screen.getAllByRole("group", { name: "Answer versions" })).toHaveLength(1);
    expect(within(screen.getByTestId("own-bar")).getByText("3 / 3")).toBeInTheDocument();
  });

  it("says how to fix a stepper outside AnswerVersions", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() =>
      render(
        <FeedbackProvider sink={memorySink()}>
          <VersionStepper />
        </FeedbackProvider>,
      ),
    ).toThrow(/VersionStepper must be used inside <AnswerVersions>/);
    vi.mocked(console.error).mockRestore();
  });

  it("starts at defaultIndex when uncontrolled", () => {
    renderVersions({ defaultIndex: 1 });
    expect(screen.getByText(V2.content)).toBeInTheDocument();
    expect(screen.getByText("2 / 3")).toBeInTheDocument();
  });
});

describe("kept versions", () => {
  it("a copy of a version the user stepped back to is a slight preference over the one they left", async () => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async () => {} }, configurable: true });
    const { sink, user } = renderVersions();
    await user.click(previous());
    await user.click(previous());
    await user.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    expect(preferences(sink)[0]).toMatchObject({
      type: "preference",
      source: "kept",
      strength: "slight",
      messageId: "m1",
      traceId: V1.traceId,
      spanId: V1.spanId,
      rejectedMessageId: "m3",
      chosen: V1.content,
      rejected: V3.content,
      prompt: V1.prompt,
      feedbackKey: "m1|m3:preference",
    });
    expect(preferences(sink)[0]).not.toHaveProperty("rejectedTraceId");
    // The copy itself went on to the provider as before.
    expect(sink.events.some((event) => event.type === "copy" && event.messageId === "m1")).toBe(true);

    // A vote up on the same version keeps the same choice: nothing more.
    await user.click(screen.getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(sink.events.some((event) => event.type === "rating")).toBe(true));
    expect(preferences(sink)).toHaveLength(1);
    Reflect.deleteProperty(navigator, "clipboard");
  });

  it("a vote up counts, a vote down does not, nor anything on the version the user never left", async () => {
    const { sink, user } = renderVersions();
    await user.click(screen.getByRole("button", { name: "Good response" }));
    await user.click(previous());
    await user.click(screen.getByRole("button", { name: "Bad response" }));
    await waitFor(() => expect(sink.events.filter((event) => event.type === "rating")).toHaveLength(2));
    expect(preferences(sink)).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    expect(preferences(sink)[0]).toMatchObject({ messageId: "m2", rejectedMessageId: "m3", source: "kept" });
    // Back on the version they left, a vote up says nothing about the two.
    await user.click(next());
    await user.click(screen.getByRole("button", { name: "Good response" }));
    expect(preferences(sink)).toHaveLength(1);
  });

  it("continuing the conversation from a version the user stepped back to keeps it", async () => {
    const sink = memorySink();
    function Chat() {
      const [continued, setContinued] = useState(false);
      return (
        <>
          <AnswerVersions versions={[V1, V2]} continued={continued}>
            {(version) => <Version version={version} />}
          </AnswerVersions>
          <button type="button" onClick={() => setContinued(true)}>
            Send
          </button>
        </>
      );
    }
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={sink}>
        <Chat />
      </FeedbackProvider>,
    );
    await user.click(previous());
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(preferences(sink)).toHaveLength(1));
    expect(preferences(sink)[0]).toMatchObject({
      messageId: "m1",
      rejectedMessageId: "m2",
      rejectedTraceId: V2.traceId,
      rejectedSpanId: V2.spanId,
      strength: "slight",
      source: "kept",
    });
  });

  it("sends nothing when the user continues from the version shown to them", async () => {
    const sink = memorySink();
    const { rerender } = render(
      <FeedbackProvider sink={sink}>
        <AnswerVersions versions={[V1, V2]}>{(version) => <Version version={version} />}</AnswerVersions>
      </FeedbackProvider>,
    );
    rerender(
      <FeedbackProvider sink={sink}>
        <AnswerVersions versions={[V1, V2]} continued>
          {(version) => <Version version={version} />}
        </AnswerVersions>
      </FeedbackProvider>,
    );
    await act(async () => {});
    expect(sink.events.filter((event: FeedbackEvent) => event.type === "preference")).toEqual([]);
  });

  it("reads its labels from the provider: a translated stepper", () => {
    render(
      <FeedbackProvider sink={memorySink()} labels={de}>
        <AnswerVersions versions={[V1, V2]}>{(version) => <Version version={version} />}</AnswerVersions>
      </FeedbackProvider>,
    );
    const stepper = screen.getByRole("group", { name: de.answerVersions });
    expect(within(stepper).getByRole("button", { name: de.previousAnswer })).toBeInTheDocument();
    expect(within(stepper).getByText("Antwort 2 von 2")).toBeInTheDocument();
  });
});
