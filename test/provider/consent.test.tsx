import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { FeedbackMessage, FeedbackProvider, memorySink, ThumbsFeedback, type Transport } from "../../src";

/** A transport that records what the provider asks of it. */
function spyTransport() {
  const calls = { start: 0, enqueue: 0, flush: 0 };
  const transport: Transport = {
    start: () => void calls.start++,
    enqueue: () => void calls.enqueue++,
    flush: async () => void calls.flush++,
    close: () => {},
  };
  return { calls, factory: () => transport };
}

function ConsentApp({ factory }: { factory?: () => Transport }) {
  const [agreed, setAgreed] = useState(false);
  const sink = useState(() => memorySink())[0];
  return (
    <FeedbackProvider sink={sink} enabled={agreed} {...(factory ? { transport: factory } : {})}>
      <button type="button" onClick={() => setAgreed(true)}>
        I agree to share feedback
      </button>
      <FeedbackMessage messageId="m-1">
        <p>Paris.</p>
        <ThumbsFeedback followUpOn={[]} />
      </FeedbackMessage>
    </FeedbackProvider>
  );
}

describe("consent: a provider that starts paused", () => {
  it("stores and sends nothing, and starts no delivery, until the user agrees", async () => {
    const user = userEvent.setup();
    const { calls, factory } = spyTransport();
    render(<ConsentApp factory={factory} />);
    await user.click(screen.getByRole("button", { name: "Good response" }));
    expect(calls).toEqual({ start: 0, enqueue: 0, flush: 0 });

    await user.click(screen.getByRole("button", { name: "I agree to share feedback" }));
    expect(calls.start).toBe(1);
    await user.click(screen.getByRole("button", { name: "Bad response" }));
    expect(calls.enqueue).toBe(1);
  });

  it("delivers events once enabled", async () => {
    const user = userEvent.setup();
    const sink = memorySink();
    const { rerender } = render(
      <FeedbackProvider sink={sink} enabled={false}>
        <FeedbackMessage messageId="m-1">
          <ThumbsFeedback followUpOn={[]} />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Good response" }));
    rerender(
      <FeedbackProvider sink={sink} enabled>
        <FeedbackMessage messageId="m-1">
          <ThumbsFeedback followUpOn={[]} />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Bad response" }));
    await vi.waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({ type: "rating", value: "down" });
  });
});
