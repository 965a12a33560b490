import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import {
  EditableMessage,
  type EditEvent,
  type FeedbackError,
  FeedbackMessage,
  FeedbackProvider,
  type MemorySink,
  memorySink,
  useFeedback,
} from "../../src";

function setup(ui: React.ReactNode, onError: (error: FeedbackError) => void = () => {}) {
  const sink = memorySink();
  let flush: () => Promise<void> = async () => {};
  function Flush() {
    flush = useFeedback().flush;
    return null;
  }
  const user = userEvent.setup();
  render(
    <FeedbackProvider sink={sink} onError={onError}>
      <Flush />
      {ui}
    </FeedbackProvider>,
  );
  return { sink, user, flush: () => act(() => flush()) };
}

const edits = (sink: MemorySink) => sink.events.filter((event): event is EditEvent => event.type === "edit");

describe("EditableMessage", () => {
  it("shows the draft as text with an Edit button, viewing", () => {
    setup(
      <FeedbackMessage messageId="m1">
        <EditableMessage draft={"Line one\n<b>not bold</b>"} />
      </FeedbackMessage>,
    );
    expect(screen.getByText(/<b>not bold<\/b>/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit" }).closest("[data-state]")).toHaveAttribute(
      "data-state",
      "viewing",
    );
    expect(document.querySelector("b")).toBeNull();
  });

  it("edits, saves with the button and emits the edit event with diff, stats and duration", async () => {
    const onCommit = vi.fn();
    const { sink, user, flush } = setup(
      <FeedbackMessage messageId="m1" traceId="4bf92f3577b34da6a3ce929d0e0e4736">
        <EditableMessage draft="The cat sat on the mat." onCommit={onCommit} />
      </FeedbackMessage>,
    );
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: "Edit message" });
    expect(editor).toHaveFocus();
    expect(editor.closest("[data-state]")).toHaveAttribute("data-state", "editing");
    await user.clear(editor);
    await user.type(editor, "The cat slept on the mat.");
    await user.click(screen.getByRole("button", { name: "Save" }));
    // The diff engine arrives on first use (the hover on Edit started it): the event follows it.
    await waitFor(() => expect(onCommit).toHaveBeenCalled());
    await flush();

    const [event] = edits(sink);
    expect(event).toMatchObject({
      type: "edit",
      messageId: "m1",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      draft: "The cat sat on the mat.",
      final: "The cat slept on the mat.",
      diff: [
        [0, "The cat "],
        [-1, "sat"],
        [1, "slept"],
        [0, " on the mat."],
      ],
      stats: { wordsAdded: 1, wordsRemoved: 1, wordsKept: 5 },
      accepted: false,
    });
    expect(event?.durationMs).toBeGreaterThanOrEqual(0);
    expect(onCommit).toHaveBeenCalledWith("The cat slept on the mat.", event);
    expect(screen.getByText("The cat slept on the mat.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Edit saved");
  });

  it("saves unchanged with Ctrl+Enter as accepted", async () => {
    const { sink, user, flush } = setup(<EditableMessage messageId="m2" draft="Fine as is." />);
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.keyboard("{Control>}{Enter}{/Control}");
    await flush();
    expect(edits(sink)).toHaveLength(1);
    expect(edits(sink)[0]).toMatchObject({ accepted: true, final: "Fine as is.", stats: { similarity: 1 } });
    expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus();
  });

  it("saves with Cmd+Enter too", async () => {
    const { sink, user, flush } = setup(<EditableMessage messageId="m2" draft="Draft" />);
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.type(screen.getByRole("textbox", { name: "Edit message" }), "!");
    await user.keyboard("{Meta>}{Enter}{/Meta}");
    await flush();
    expect(edits(sink)[0]).toMatchObject({ final: "Draft!", accepted: false });
  });

  it("cancels with Escape or the Cancel button and sends nothing", async () => {
    const onCancel = vi.fn();
    const { sink, user, flush } = setup(<EditableMessage messageId="m3" draft="Keep me." onCancel={onCancel} />);
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.type(screen.getByRole("textbox", { name: "Edit message" }), " Changed");
    await user.keyboard("{Escape}");
    expect(screen.getByText("Keep me.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Edit canceled");

    await user.click(screen.getByRole("button", { name: "Edit" }));
    expect(screen.getByRole("textbox", { name: "Edit message" })).toHaveValue("Keep me.");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await flush();
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(sink.events).toHaveLength(0);
  });

  it("compares a second edit against the original draft, not the first edit", async () => {
    const { sink, user, flush } = setup(<EditableMessage messageId="m4" draft="one" />);
    for (const word of [" two", " three"]) {
      await user.click(screen.getByRole("button", { name: "Edit" }));
      await user.type(screen.getByRole("textbox", { name: "Edit message" }), word);
      await user.click(screen.getByRole("button", { name: "Save" }));
    }
    await flush();
    expect(edits(sink).map((event) => [event.draft, event.final])).toEqual([
      ["one", "one two"],
      ["one", "one two three"],
    ]);
  });

  it("can be controlled: value and editing come from the parent", async () => {
    function Controlled() {
      const [value, setValue] = useState("Draft text");
      const [editing, setEditing] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setEditing(true)}>
            Open editor
          </button>
          <EditableMessage
            messageId="m5"
            draft="Draft text"
            value={value}
            onValueChange={setValue}
            editing={editing}
            onEditingChange={setEditing}
          />
          <output aria-label="Saved text">{value}</output>
        </>
      );
    }
    const { sink, user, flush } = setup(<Controlled />);
    await user.click(screen.getByRole("button", { name: "Open editor" }));
    const editor = screen.getByRole("textbox", { name: "Edit message" });
    expect(editor).toHaveFocus();
    await user.type(editor, " edited");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await flush();
    expect(screen.getByRole("status", { name: "Saved text" })).toHaveTextContent("Draft text edited");
    expect(edits(sink)[0]).toMatchObject({ final: "Draft text edited" });
  });

  it("renders the text through renderText", () => {
    setup(
      <EditableMessage
        messageId="m6"
        draft="**bold**"
        renderText={(text) => <strong>{text.replaceAll("*", "")}</strong>}
      />,
    );
    expect(screen.getByText("bold").tagName).toBe("STRONG");
  });

  it("reports a draft that is not a string through onError and sends nothing", async () => {
    const onError = vi.fn();
    const onCommit = vi.fn();
    const { sink, user, flush } = setup(
      <EditableMessage messageId="m7" draft={42 as unknown as string} onCommit={onCommit} />,
      onError,
    );
    expect(screen.getByText("42")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    expect(sink.events).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: "invalid-event",
        field: "draft",
        message: expect.stringContaining("draft must be a string"),
      }),
    );
    expect(onCommit).toHaveBeenCalledWith("42", null);
  });

  it("cuts texts over 32 KiB in the event, marks it truncated, and takes the stats from the full texts", async () => {
    const draft = "word ".repeat(10_000);
    const { sink, user, flush } = setup(<EditableMessage messageId="m8" draft={draft} />);
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: "Edit message" }) as HTMLTextAreaElement;
    // Typing 50 KB key by key is slow in jsdom; paste the end of the edit instead.
    editor.setSelectionRange(editor.value.length, editor.value.length);
    await user.paste("extra");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await flush();
    const [event] = edits(sink);
    expect(event?.truncated).toBe(true);
    expect(event?.draft.length).toBe(32 * 1024);
    expect(event?.stats).toMatchObject({ wordsKept: 10_000, wordsAdded: 1, wordsRemoved: 0 });
    const side = (skip: number) =>
      event?.diff
        .filter(([op]) => op !== skip)
        .map(([, text]) => text)
        .join("");
    expect(side(1)).toBe(event?.draft);
    expect(side(-1)).toBe(event?.final);
  });
});

describe("EditableMessage while the draft streams in", () => {
  it("shows the newest draft until the user saves an edit", async () => {
    const sink = memorySink();
    const view = render(
      <FeedbackProvider sink={sink}>
        <EditableMessage messageId="s1" draft="Hel" />
      </FeedbackProvider>,
    );
    view.rerender(
      <FeedbackProvider sink={sink}>
        <EditableMessage messageId="s1" draft="Hello there." />
      </FeedbackProvider>,
    );
    expect(screen.getByText("Hello there.")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit" }));
    expect(screen.getByRole("textbox", { name: "Edit message" })).toHaveValue("Hello there.");
  });
});
