import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { FeedbackMessage, type MemorySink, useFeedback, useFeedbackMessage } from "../src";

/** A custom widget built on the public hooks: what an app writes when it needs a signal the kit lacks. */
function ShareButton() {
  const { emit } = useFeedback();
  const scope = useFeedbackMessage();
  return (
    <button
      type="button"
      className="story-button"
      style={{ justifySelf: "start" }}
      onClick={() => emit({ type: "custom", name: "shared", value: 1 })}
    >
      Share {scope ? `message ${scope.messageId}` : "answer"}
    </button>
  );
}

function Conversation() {
  return (
    <div className="story-stack">
      <FeedbackMessage
        messageId="msg-1"
        traceId="4bf92f3577b34da6a3ce929d0e0e4736"
        spanId="00f067aa0ba902b7"
        content="Paris is the capital of France."
      >
        <article className="story-card" aria-label="Message msg-1">
          <p>Paris is the capital of France.</p>
          <ShareButton />
        </article>
      </FeedbackMessage>
      <FeedbackMessage
        messageId="msg-2"
        traceId="5bf92f3577b34da6a3ce929d0e0e4737"
        content="The Seine flows through it."
      >
        <article className="story-card" aria-label="Message msg-2">
          <p>The Seine flows through it.</p>
          <ShareButton />
        </article>
      </FeedbackMessage>
    </div>
  );
}

const meta = {
  title: "Foundation/FeedbackProvider",
  component: Conversation,
  parameters: {
    docs: {
      description: {
        component:
          "One `FeedbackProvider` per app; one `FeedbackMessage` per assistant message. Anything inside a message reports about it: the envelope (ids, trace, context) is filled in for you. Click a button and watch the event log.",
      },
    },
  },
} satisfies Meta<typeof Conversation>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each message's events carry its own ids and trace, and the provider's context. */
export const CustomEventsPerMessage: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Share message msg-2" }));
    await userEvent.click(canvas.getByRole("button", { name: "Share message msg-1" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[0]).toMatchObject({
      type: "custom",
      name: "shared",
      value: 1,
      v: 1,
      messageId: "msg-2",
      traceId: "5bf92f3577b34da6a3ce929d0e0e4737",
      app: "storybook",
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(sink.events[1]).toMatchObject({ messageId: "msg-1", spanId: "00f067aa0ba902b7" });
    expect(sink.events[0]?.feedbackKey).toBe(sink.events[0]?.id);
    // Each visit is a session of its own.
    await expect(sink.events[1]?.sessionId).toBe(sink.events[0]?.sessionId);
    // On a narrow screen the log is a drawer: open it first.
    const drawer = canvas.queryByRole("button", { name: "Event log (2)" });
    if (drawer) await userEvent.click(drawer);
    const log = within(canvasElement.ownerDocument.body).getByRole("region", { name: "Emitted events (2)" });
    await expect(log).toHaveTextContent("name shared");
  },
};
