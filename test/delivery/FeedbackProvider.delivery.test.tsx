import "fake-indexeddb/auto";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { type FeedbackError, FeedbackProvider, httpSink, useFeedback } from "../../src";

function SendButton() {
  const { emit, flush } = useFeedback();
  const [state, setState] = useState("idle");
  return (
    <button
      type="button"
      data-state={state}
      onClick={async () => {
        emit({ type: "custom", name: "shared", messageId: "m1" });
        setState("sending");
        await flush();
        setState("settled");
      }}
    >
      Share
    </button>
  );
}

function stubFetch(statuses: number[]) {
  const bodies: { events: { id: string }[] }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(init.body as string));
    return new Response("nope", { status: statuses.shift() ?? 200 });
  });
  return { bodies, fetch: fetch as unknown as typeof globalThis.fetch };
}

describe("FeedbackProvider with httpSink", () => {
  it("retries a 503 with the same event id, and flush() resolves once it is accepted", async () => {
    const { bodies, fetch } = stubFetch([503]);
    const onError = vi.fn();
    render(
      <FeedbackProvider
        sink={httpSink({ url: "/api/feedback", fetch, name: `provider-${Math.random()}` })}
        delivery={{ backoffBaseMs: 5 }}
        onError={onError}
      >
        <SendButton />
      </FeedbackProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Share" })).toHaveAttribute("data-state", "settled"));
    expect(bodies).toHaveLength(2);
    expect(bodies[1]?.events[0]?.id).toBe(bodies[0]?.events[0]?.id);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: "sink" }));
  });

  it("reports a 400 as rejected through onError and does not send it again", async () => {
    const { bodies, fetch } = stubFetch([400]);
    const errors: FeedbackError[] = [];
    render(
      <FeedbackProvider
        sink={httpSink({ url: "/api/feedback", fetch, name: `provider-${Math.random()}` })}
        onError={(error) => errors.push(error)}
      >
        <SendButton />
      </FeedbackProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Share" })).toHaveAttribute("data-state", "settled"));
    expect(bodies).toHaveLength(1);
    expect(errors.map((error) => error.kind)).toEqual(["rejected"]);
    expect(errors[0]?.message).toContain("HTTP 400: nope");
  });
});
