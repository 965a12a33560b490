// A sink slower than the relay's `timeoutMs`: the relay answers `retry` at the deadline, the client retries,
// and the event must still reach the sink once. Its id stays claimed until the first send settles.
import { createFeedbackClient, type FeedbackEvent, type FeedbackSink, httpSink } from "../../src";
import { createFeedbackHandler } from "../../src/server/createFeedbackHandler";

function slowSink() {
  const sent: string[] = [];
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const sink: FeedbackSink = {
    name: "slow vendor",
    async send(events: readonly FeedbackEvent[]) {
      sent.push(...events.map((event) => event.id));
      // Ignores the abort signal, as a slow vendor client may.
      await finished;
      return { accepted: events.map((event) => event.id), retry: [], rejected: [] };
    },
  };
  return { sink, sent, finish };
}

describe("a relay sink slower than timeoutMs", { timeout: 60_000 }, () => {
  it("gets each event once while the client retries", async () => {
    const { sink, sent, finish } = slowSink();
    const handler = createFeedbackHandler({ sinks: sink, timeoutMs: 20 });
    const answers: number[] = [];
    const relayFetch = (async (url: string, init: RequestInit) => {
      const response = await handler(new Request(new URL(url, "http://relay.test"), init));
      answers.push(response.status);
      return response;
    }) as typeof fetch;
    const client = createFeedbackClient({
      sink: httpSink({ url: "/api/feedback", fetch: relayFetch, name: `relay-${Math.random()}` }),
      delivery: { storage: false, batchDelayMs: 0, backoffBaseMs: 5, backoffMaxMs: 10, maxAttempts: 1000 },
      onError: () => {},
    });
    const event = client.emit({ type: "custom", name: "shared", messageId: "m1" });
    const flushed = client.flush();

    // The first send is still running; the relay has answered `retry` to the first try and to a retry (each
    // after the relay's Retry-After). Generous bounds: this is about what arrives, not how fast.
    await vi.waitFor(() => expect(answers.filter((status) => status === 503).length).toBeGreaterThanOrEqual(2), {
      timeout: 30_000,
      interval: 50,
    });
    finish();
    await flushed;

    expect(sent).toEqual([event?.id]);
    // The try after the late success is answered from what the relay remembers, not by sending again.
    expect(answers.at(-1)).toBe(200);
    client.close();
  });
});
