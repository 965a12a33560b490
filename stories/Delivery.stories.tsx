import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState, useSyncExternalStore } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { acceptAll, FeedbackProvider, type FeedbackSink, retryAll, useFeedback } from "../src";

/** A stand-in for an HTTP endpoint that fails its first answers with 503, then stores what it gets. */
function flakyEndpoint(failures: number) {
  let requests: { status: number; events: number; ids: string }[] = [];
  const listeners = new Set<() => void>();
  const sink: FeedbackSink = {
    name: "flaky endpoint",
    // No `delivery` declared: like any sink that crosses a network, it gets the persisted, retrying queue.
    async send(events) {
      const status = requests.length < failures ? 503 : 200;
      requests = [...requests, { status, events: events.length, ids: events.map((e) => e.id.slice(-4)).join(", ") }];
      for (const listener of listeners) listener();
      return status === 200 ? acceptAll(events) : retryAll(events, undefined, "HTTP 503");
    },
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { sink, subscribe, getRequests: () => requests };
}

function SendFeedback() {
  const { emit, flush } = useFeedback();
  const [state, setState] = useState<"idle" | "sending" | "delivered">("idle");
  return (
    <div style={{ display: "grid", gap: "0.5rem", justifyItems: "start" }}>
      <button
        type="button"
        onClick={async () => {
          emit({ type: "rating", messageId: "msg-1", value: "down", previous: null });
          emit({ type: "custom", name: "shared", messageId: "msg-1" });
          setState("sending");
          await flush();
          setState("delivered");
        }}
      >
        Send feedback
      </button>
      <p role="status" data-state={state}>
        {state === "idle" ? "Nothing sent yet" : state === "sending" ? "Sending…" : "Delivered"}
      </p>
    </div>
  );
}

function DeliveryDemo({ failures }: { failures: number }) {
  const [endpoint] = useState(() => flakyEndpoint(failures));
  const requests = useSyncExternalStore(endpoint.subscribe, endpoint.getRequests, endpoint.getRequests);
  return (
    <div style={{ display: "grid", gap: "1rem", maxWidth: 520 }}>
      {/* Storage is off here so a story never leaves events behind for the next one. */}
      <FeedbackProvider sink={endpoint.sink} delivery={{ backoffBaseMs: 300, storage: false }}>
        <SendFeedback />
      </FeedbackProvider>
      <section aria-label="Requests to the endpoint">
        <ol>
          {requests.map((request, index) => (
            <li key={index}>
              HTTP {request.status}: {request.events} event(s), ids …{request.ids}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

const meta = {
  title: "Delivery/Retry",
  component: DeliveryDemo,
  args: { failures: 2 },
  parameters: {
    feedback: { provider: false },
    docs: {
      description: {
        component:
          "Events wait in a queue between the provider and the sink: batched, retried with backoff and the same ids, kept in IndexedDB until accepted, and sent with keepalive when the page is hidden. `flush()` from `useFeedback` resolves once everything queued so far is accepted or given up on.",
      },
    },
  },
} satisfies Meta<typeof DeliveryDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The endpoint answers 503 twice: the batch is sent again with the same ids until it is stored. */
export const RetriedUntilAccepted: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Send feedback" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveAttribute("data-state", "delivered"), {
      timeout: 10_000,
    });
    const requests = within(canvas.getByRole("region", { name: "Requests to the endpoint" })).getAllByRole("listitem");
    expect(requests.map((item) => item.textContent?.slice(0, 8))).toEqual(["HTTP 503", "HTTP 503", "HTTP 200"]);
    expect(new Set(requests.map((item) => item.textContent?.split("ids")[1])).size).toBe(1);
  },
};
