import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import {
  type EditEvent,
  type FeedbackError,
  FeedbackProvider,
  type MemorySink,
  memorySink,
  useDraftTracking,
  useFeedback,
} from "../../src";

/** The compose-box pattern: the AI's suggestion prefills the app's own input; sending tracks the edit. */
function Composer({
  suggestion,
  onSent,
}: {
  suggestion?: { id: string; text: string };
  onSent: (event: EditEvent | null) => void;
}) {
  const [text, setText] = useState(suggestion?.text ?? "");
  const { track } = useDraftTracking({ messageId: suggestion?.id, draft: suggestion?.text });
  const { flush } = useFeedback();
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        onSent(track(text));
        setText("");
        await flush();
      }}
    >
      <input aria-label="Reply" value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit">Send</button>
    </form>
  );
}

function setup(
  suggestion: { id: string; text: string } | undefined,
  onError: (error: FeedbackError) => void = () => {},
) {
  const sink = memorySink();
  const onSent = vi.fn();
  const view = render(
    <FeedbackProvider sink={sink} onError={onError}>
      <Composer suggestion={suggestion} onSent={onSent} />
    </FeedbackProvider>,
  );
  return { sink, onSent, user: userEvent.setup(), view };
}

const settle = () => act(async () => {});
const edits = (sink: MemorySink) => sink.events.filter((event): event is EditEvent => event.type === "edit");

describe("useDraftTracking", () => {
  it("emits the edit event when the edited draft is sent from any input", async () => {
    const { sink, onSent, user } = setup({ id: "ai-7", text: "Thanks for reaching out, we will refund you." });
    const input = screen.getByRole("textbox", { name: "Reply" });
    await user.clear(input);
    await user.type(input, "Thanks for reaching out, we refunded you today.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await settle();
    expect(edits(sink)).toHaveLength(1);
    expect(edits(sink)[0]).toMatchObject({
      type: "edit",
      messageId: "ai-7",
      draft: "Thanks for reaching out, we will refund you.",
      final: "Thanks for reaching out, we refunded you today.",
      accepted: false,
      stats: { wordsKept: 6, wordsRemoved: 2, wordsAdded: 2 },
    });
    expect(onSent).toHaveBeenCalledWith(edits(sink)[0]);
  });

  it("marks a draft sent as is accepted, and tracks each draft once", async () => {
    const { sink, onSent, user } = setup({ id: "ai-8", text: "Sounds good." });
    await user.click(screen.getByRole("button", { name: "Send" }));
    await user.type(screen.getByRole("textbox", { name: "Reply" }), "And another thing");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await settle();
    expect(edits(sink)).toHaveLength(1);
    expect(edits(sink)[0]).toMatchObject({ accepted: true, final: "Sounds good." });
    expect(onSent).toHaveBeenLastCalledWith(null);
  });

  it("sends nothing without a draft", async () => {
    const { sink, onSent, user } = setup(undefined);
    await user.type(screen.getByRole("textbox", { name: "Reply" }), "My own words");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await settle();
    expect(sink.events).toHaveLength(0);
    expect(onSent).toHaveBeenCalledWith(null);
  });

  it("re-arms for a new draft", async () => {
    const { sink, user, view } = setup({ id: "a", text: "First" });
    await user.click(screen.getByRole("button", { name: "Send" }));
    view.rerender(
      <FeedbackProvider sink={sink}>
        <Composer suggestion={{ id: "b", text: "Second" }} onSent={() => {}} />
      </FeedbackProvider>,
    );
    await user.type(screen.getByRole("textbox", { name: "Reply" }), "Second one");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await settle();
    expect(edits(sink).map((event) => [event.messageId, event.draft, event.final])).toEqual([
      ["a", "First", "First"],
      ["b", "Second", "Second one"],
    ]);
  });

  it("reports a draft that is not a string through onError and sends nothing", async () => {
    const onError = vi.fn();
    const { sink, user } = setup({ id: "c", text: { parts: [] } as unknown as string }, onError);
    await user.click(screen.getByRole("button", { name: "Send" }));
    await settle();
    expect(sink.events).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: "invalid-event", field: "draft" }));
  });
});
