import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState, useSyncExternalStore } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { FeedbackProvider, type FeedbackSink, memorySink, retryAll, useFeedback } from "../src";
import { EventLog } from "./support/EventLog";

interface EndpointRequest {
  status: number;
  events: number;
  ids: string;
}

/** A stand-in for an HTTP endpoint that fails its first answers with 503, then stores what it gets. */
function flakyEndpoint(failures: number) {
  let requests: EndpointRequest[] = [];
  const listeners = new Set<() => void>();
  const stored = memorySink();
  const sink: FeedbackSink = {
    name: "flaky endpoint",
    // No `delivery` declared: like any sink that crosses a network, it gets the persisted, retrying queue.
    async send(events, options) {
      const status = requests.length < failures ? 503 : 200;
      requests = [...requests, { status, events: events.length, ids: events.map((e) => e.id.slice(-4)).join(", ") }];
      for (const listener of listeners) listener();
      if (status !== 200) return retryAll(events, undefined, "HTTP 503");
      return stored.send(events, options);
    },
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { sink, stored, subscribe, getRequests: () => requests };
}

function SendFeedback() {
  const { emit, flush } = useFeedback();
  const [state, setState] = useState<"idle" | "sending" | "delivered">("idle");
  return (
    <div className="story-card">
      <p className="story-title">An answer the user rated down, then shared</p>
      <p className="story-muted">Both events go to an endpoint that answers HTTP 503 twice before it accepts them.</p>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.75rem" }}>
        <button
          type="button"
          className="story-button story-button--primary"
          disabled={state === "sending"}
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
        <p role="status" className="story-muted" data-state={state}>
          {state === "idle" ? "Nothing sent yet" : state === "sending" ? "Sending…" : "Delivered"}
        </p>
      </div>
    </div>
  );
}

function DeliveryDemo({ failures }: { failures: number }) {
  const [endpoint] = useState(() => flakyEndpoint(failures));
  const requests = useSyncExternalStore(endpoint.subscribe, endpoint.getRequests, endpoint.getRequests);
  return (
    <div className="story-stack" style={{ maxInlineSize: "40rem" }}>
      {/* Storage is off here so a story never leaves events behind for the next one. */}
      <FeedbackProvider sink={endpoint.sink} delivery={{ backoffBaseMs: 300, storage: false }}>
        <SendFeedback />
      </FeedbackProvider>
      <section aria-labelledby="delivery-requests" className="story-log">
        <header className="story-log-header">
          <h2 id="delivery-requests">Requests to the endpoint ({requests.length})</h2>
        </header>
        {requests.length === 0 ? (
          <p className="story-log-empty">No request yet.</p>
        ) : (
          <ol className="story-log-list">
            {requests.map((request, index) => (
              <li key={index} className="story-log-request">
                <span className="story-log-type" data-type={request.status === 200 ? "rating" : "retry"}>
                  HTTP {request.status}
                </span>{" "}
                {request.events} events, ids …{request.ids}
              </li>
            ))}
          </ol>
        )}
      </section>
      <EventLog
        sink={endpoint.stored}
        title="Stored by the endpoint"
        destination="The stand-in endpoint keeps what it accepts in memory; nothing else is sent."
        empty="Nothing accepted yet."
      />
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
    const requests = within(canvas.getByRole("region", { name: "Requests to the endpoint (3)" })).getAllByRole(
      "listitem",
    );
    expect(requests.map((item) => item.textContent?.slice(0, 8))).toEqual(["HTTP 503", "HTTP 503", "HTTP 200"]);
    expect(new Set(requests.map((item) => item.textContent?.split("ids")[1])).size).toBe(1);
    // The log counts what it lists: the two events the endpoint stored.
    const stored = canvas.getByRole("region", { name: "Stored by the endpoint (2)" });
    await expect(within(stored).getAllByRole("listitem")).toHaveLength(2);
  },
};
