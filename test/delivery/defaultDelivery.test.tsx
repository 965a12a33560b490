// How a sink's events travel when the app says nothing about delivery: a sink written as the FeedbackSink
// example (no `delivery`) gets the stored, retried queue; only sinks that say "in-page" skip it.
import "fake-indexeddb/auto";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  acceptAll,
  type FeedbackError,
  FeedbackMessage,
  FeedbackProvider,
  type FeedbackSink,
  memorySink,
  retryAll,
  ThumbsFeedback,
} from "../../src";

/** The names of the IndexedDB databases on this origin: a stored queue is one of them. */
async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? "");
}

/** A stand-in for `fetch` against an endpoint that answers each POST with the next status (then 200). */
function endpoint(statuses: number[]) {
  const posts: string[][] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    posts.push((JSON.parse(init.body as string) as { events: { id: string }[] }).events.map((event) => event.id));
    return new Response(null, { status: statuses.shift() ?? 200 });
  };
  return { posts, fetch };
}

function Chat({ sink, onError }: { sink: FeedbackSink; onError: (error: FeedbackError) => void }) {
  return (
    <FeedbackProvider sink={sink} onError={onError} delivery={{ backoffBaseMs: 5, backoffMaxMs: 20, batchDelayMs: 5 }}>
      <FeedbackMessage messageId="m1">
        <p>The capital of France is Paris.</p>
        <ThumbsFeedback />
      </FeedbackMessage>
    </FeedbackProvider>
  );
}

describe("delivery a sink gets by default", { timeout: 30_000 }, () => {
  it("a custom sink written as the FeedbackSink example, answering retry, gets the batch on a later try", async () => {
    const { posts, fetch } = endpoint([503, 503]);
    const name = `my-endpoint-${Math.random()}`;
    // Exactly the FeedbackSink TSDoc example, with the stand-in fetch: no `delivery`.
    const sink: FeedbackSink = {
      name,
      async send(events, { signal, keepalive }) {
        const response = await fetch("/api/feedback", {
          method: "POST",
          body: JSON.stringify({ events }),
          signal,
          keepalive,
        });
        return response.ok ? acceptAll(events) : retryAll(events);
      },
    };
    const errors: FeedbackError[] = [];
    render(<Chat sink={sink} onError={(error) => errors.push(error)} />);

    await userEvent.click(screen.getByRole("button", { name: "Good response" }));

    // Generous bounds for a busy machine (the queue's code loads on this first event): about what arrives.
    await waitFor(() => expect(posts).toHaveLength(3), { timeout: 15_000 });
    // The same event each time, sent again after the endpoint's two 503s, and stored while it waited.
    expect(posts[0]).toHaveLength(1);
    expect(posts[1]).toEqual(posts[0]);
    expect(posts[2]).toEqual(posts[0]);
    expect(await databaseNames()).toContain(`react-feedback-loop:${name}`);
    expect(errors.map((error) => error.kind)).toEqual(["sink"]);
    expect(screen.getByRole("button", { name: "Good response" })).toHaveAttribute("aria-pressed", "true");
  });

  it("an in-page sink (memory) gets each event at once and stores nothing", async () => {
    const sink = memorySink(`memory-${Math.random()}`);
    render(<Chat sink={sink} onError={() => {}} />);

    await userEvent.click(screen.getByRole("button", { name: "Bad response" }));

    await waitFor(() => expect(sink.events.map((event) => event.type)).toEqual(["rating"]), { timeout: 15_000 });
    expect(await databaseNames()).not.toContain(`react-feedback-loop:${sink.name}`);
  });
});
