import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { FeedbackMessage, FeedbackProvider, memorySink, RegenerateButton, useRegenerate } from "../../src";
import { renderInMessage } from "./renderInMessage";

describe("RegenerateButton", () => {
  it("calls the app and emits regenerate with the attempt number and the answer it replaces", async () => {
    const onRegenerate = vi.fn();
    const { sink, user } = renderInMessage(<RegenerateButton onRegenerate={onRegenerate} />);
    const button = screen.getByRole("button", { name: "Regenerate" });
    await user.click(button);
    await user.click(button);
    expect(onRegenerate).toHaveBeenCalledTimes(2);
    expect(onRegenerate).toHaveBeenLastCalledWith(
      expect.objectContaining({ messageId: "m1", attempt: 2, previousContent: "Paris is the capital of France." }),
    );
    expect(button).toHaveAttribute("data-attempts", "2");
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events.map((event) => event.type === "regenerate" && event.attempt)).toEqual([1, 2]);
    expect(sink.events[0]).toMatchObject({ previousContent: "Paris is the capital of France." });
  });

  it("counts per message, and goes on counting when the button is mounted again", async () => {
    const sink = memorySink();
    function Chat() {
      const [answer, setAnswer] = useState(1);
      return (
        <>
          <FeedbackMessage messageId="a" content={`answer ${answer}`}>
            {/* A new key on every answer: the button is unmounted and mounted again, as in many chats. */}
            <RegenerateButton
              key={answer}
              onRegenerate={() => setAnswer((n) => n + 1)}
              labels={{ regenerate: "Again A" }}
            />
          </FeedbackMessage>
          <FeedbackMessage messageId="b">
            <RegenerateButton onRegenerate={() => {}} labels={{ regenerate: "Again B" }} />
          </FeedbackMessage>
        </>
      );
    }
    render(
      <FeedbackProvider sink={sink}>
        <Chat />
      </FeedbackProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Again A" }));
    await user.click(screen.getByRole("button", { name: "Again A" }));
    await user.click(screen.getByRole("button", { name: "Again B" }));
    await waitFor(() => expect(sink.events).toHaveLength(3));
    expect(sink.events.map((event) => event.type === "regenerate" && [event.messageId, event.attempt])).toEqual([
      ["a", 1],
      ["a", 2],
      ["b", 1],
    ]);
    expect(sink.events[1]).toMatchObject({ previousContent: "answer 2" });
  });

  it("is busy while the app's promise runs and ignores clicks meanwhile", async () => {
    let done: () => void = () => {};
    const onRegenerate = vi.fn(() => new Promise<void>((resolve) => (done = resolve)));
    const { delivered, user } = renderInMessage(<RegenerateButton onRegenerate={onRegenerate} />);
    await user.click(screen.getByRole("button", { name: "Regenerate" }));
    const busy = screen.getByRole("button", { name: "Regenerating…" });
    expect(busy).toHaveAttribute("aria-busy", "true");
    expect(busy).toHaveAttribute("data-state", "pending");
    await user.click(busy);
    expect(onRegenerate).toHaveBeenCalledTimes(1);
    await act(async () => done());
    expect(screen.getByRole("button", { name: "Regenerate" })).toHaveAttribute("data-state", "idle");
    expect(await delivered()).toHaveLength(1);
  });

  it("does nothing when disabled", async () => {
    const onRegenerate = vi.fn();
    const { delivered, user } = renderInMessage(<RegenerateButton onRegenerate={onRegenerate} disabled />);
    const button = screen.getByRole("button", { name: "Regenerate" });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(onRegenerate).not.toHaveBeenCalled();
    expect(await delivered()).toHaveLength(0);
  });

  it("lets the app's onClick run first and prevent the regenerate (asChild)", async () => {
    const onRegenerate = vi.fn();
    const { user } = renderInMessage(
      <RegenerateButton onRegenerate={onRegenerate} asChild>
        <button type="button" onClick={(event) => event.preventDefault()}>
          Retry
        </button>
      </RegenerateButton>,
    );
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRegenerate).not.toHaveBeenCalled();
  });
});

describe("useRegenerate", () => {
  it("gives the attempts so far for the app's own button", async () => {
    function MyRetry() {
      const regenerate = useRegenerate({ onRegenerate: () => {} });
      return (
        <button {...regenerate.getButtonProps()} aria-label={undefined}>
          Retry ({regenerate.attempts})
        </button>
      );
    }
    const { user } = renderInMessage(<MyRetry />);
    await user.click(screen.getByRole("button", { name: "Retry (0)" }));
    expect(screen.getByRole("button", { name: "Retry (1)" })).toBeInTheDocument();
  });
});
