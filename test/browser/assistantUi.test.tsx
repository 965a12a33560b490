import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FeedbackProvider, memorySink } from "../../src";
import { AssistantUiThread } from "../../stories/support/AssistantUiThread";

// The recipe's own thread (the Storybook story renders the same component), on a real assistant-ui runtime, in
// Chromium: its viewport needs ResizeObserver, which jsdom lacks.
describe("assistant-ui feedback adapter", () => {
  it("turns assistant-ui's thumbs into rating events with the message's ids and text", async () => {
    const sink = memorySink();
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={sink}>
        <AssistantUiThread />
      </FeedbackProvider>,
    );
    await user.type(screen.getByRole("textbox", { name: "Message" }), "What is the capital of France?");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await screen.findByText("Paris is the capital of France.");
    await user.click(screen.getByRole("button", { name: "Bad answer" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "down",
      previous: null,
      content: "Paris is the capital of France.",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
    });
    expect(sink.events[0]?.feedbackKey).toBe(`${sink.events[0]?.messageId}:rating`);
    await user.click(screen.getByRole("button", { name: "Good answer" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ value: "up", previous: "down", messageId: sink.events[0]?.messageId });
  });
});
