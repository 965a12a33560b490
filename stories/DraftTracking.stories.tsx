import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { DiffView, type EditEvent, type MemorySink, useDraftTracking } from "../src";

const SUGGESTION = {
  messageId: "suggestion-9",
  text: "Hi Sam, thanks for the report. We will look into it this week.",
};

/**
 * The compose-box pattern: the AI's suggested reply is put into the app's own input; the user edits and sends.
 * `useDraftTracking` emits the `edit` event on send, whatever the input component is.
 */
function ComposeBox() {
  const [text, setText] = useState(SUGGESTION.text);
  const [sent, setSent] = useState<EditEvent | null>(null);
  const { track } = useDraftTracking({ messageId: SUGGESTION.messageId, draft: SUGGESTION.text });
  return (
    <div className="story-stack">
      <form
        className="story-card"
        onSubmit={(event) => {
          event.preventDefault();
          setSent(track(text));
        }}
      >
        <label htmlFor="reply" className="story-label">
          Reply (suggested by the assistant)
        </label>
        <textarea
          id="reply"
          className="story-input"
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="story-button story-button--primary" style={{ justifySelf: "start" }}>
          Send
        </button>
      </form>
      {sent && (
        <section aria-label="What changed" className="story-card">
          <DiffView diff={sent.diff} />
        </section>
      )}
    </div>
  );
}

const meta = {
  title: "Edits/useDraftTracking",
  component: ComposeBox,
  parameters: {
    docs: {
      description: {
        component:
          "`useDraftTracking({ messageId, draft })` returns `track(finalText)`: call it on send to emit the same `edit` event as `EditableMessage`. Nothing runs while typing.",
      },
    },
  },
} satisfies Meta<typeof ComposeBox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Edit the suggestion and send: one `edit` event, and the diff shown below. */
export const ComposeBoxPattern: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const reply = canvas.getByRole("textbox", { name: "Reply (suggested by the assistant)" });
    await userEvent.clear(reply);
    await userEvent.type(reply, "Hi Sam, thanks for the report. We fixed it today.");
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "edit",
      messageId: "suggestion-9",
      draft: SUGGESTION.text,
      final: "Hi Sam, thanks for the report. We fixed it today.",
      accepted: false,
    });
    await expect(canvas.getByRole("region", { name: "What changed" })).toHaveTextContent("[added:");
  },
};
