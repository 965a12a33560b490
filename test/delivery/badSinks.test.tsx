// A sink that breaks its contract is the app's bug, not the user's: it is reported once through onError,
// the widgets keep working, and the events stay queued until the sink behaves.
import "fake-indexeddb/auto";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  acceptAll,
  type FeedbackError,
  type FeedbackEvent,
  FeedbackMessage,
  FeedbackProvider,
  type FeedbackSink,
  ThumbsFeedback,
} from "../../src";

type Misbehaviour = (events: readonly FeedbackEvent[]) => unknown;

const misbehaviours: [string, Misbehaviour][] = [
  [
    "throws synchronously",
    () => {
      throw new Error("send is not ready");
    },
  ],
  ["returns a non-promise", () => undefined],
  ["returns a number", () => 42],
  ["answers for ids it was never given", async () => ({ accepted: ["not-in-this-batch"], retry: [], rejected: [] })],
];

/** A sink that misbehaves until `fix()`, then accepts; it records every id it was called with. */
function brokenSink(misbehave: Misbehaviour) {
  let broken = true;
  const calls: string[][] = [];
  const delivered: string[] = [];
  const sink = {
    name: `broken-${Math.random()}`,
    send(events: readonly FeedbackEvent[]) {
      calls.push(events.map((event) => event.id));
      if (broken) return misbehave(events);
      delivered.push(...events.map((event) => event.id));
      return Promise.resolve(acceptAll(events));
    },
  } as FeedbackSink;
  return { sink, calls, delivered, fix: () => (broken = false) };
}

describe.each(misbehaviours)("a sink whose send %s", { timeout: 60_000 }, (_, misbehave) => {
  it("is reported once, never breaks a widget, and its events stay queued until it works", async () => {
    const { sink, calls, delivered, fix } = brokenSink(misbehave);
    const errors: FeedbackError[] = [];
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    render(
      <FeedbackProvider
        sink={sink}
        onError={(error) => errors.push(error)}
        delivery={{ backoffBaseMs: 5, backoffMaxMs: 20, batchDelayMs: 5, maxAttempts: 1000 }}
      >
        <FeedbackMessage messageId="m1">
          <ThumbsFeedback />
        </FeedbackMessage>
      </FeedbackProvider>,
    );
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Good response" }));
    await user.click(screen.getByRole("button", { name: "Bad response" }));
    expect(screen.getByRole("button", { name: "Bad response" })).toHaveAttribute("aria-pressed", "true");
    // Several failed tries, each with the events that were queued.
    // Generous bounds for a busy machine (the queue's code loads on the first event): about what arrives.
    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(4), { timeout: 15_000 });
    const emitted = [...new Set(calls.flat())];
    expect(emitted).toHaveLength(2);
    expect(delivered).toEqual([]);

    fix();
    await waitFor(() => expect([...delivered].sort()).toEqual([...emitted].sort()), { timeout: 15_000 });
    expect(errors.map((error) => error.kind)).toEqual(["sink"]);
    expect(errors[0]?.message).toContain(sink.name);
    process.off("unhandledRejection", unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
