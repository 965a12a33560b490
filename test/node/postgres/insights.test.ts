// PostgreSQL computes the dashboard's figures in SQL: they must equal what `summarize` counts from the same
// events, for a range and a split alike; and a store's watch hears what another collector inserts.
import type { FeedbackEvent } from "../../../src/events/types";
import { summarize } from "../../../src/insights/summarize";
import type { SummarizeOptions } from "../../../src/insights/types";
import { insightsFixture, preferenceFixture } from "../../insights/insightsFixture";
import { event } from "../support/events";
import { describeWithPostgres, freshTable, storeOpener } from "./database";

describeWithPostgres("postgresStore's insights", (url) => {
  const open = storeOpener(url);

  it.each<SummarizeOptions>([
    {},
    { splitBy: "metadata.model" },
    { splitBy: "app" },
    { from: "2026-12-02" },
    { to: "2026-12-01", splitBy: "metadata.model" },
  ])("agree with summarize on the hand-counted fixture (%j)", async (options) => {
    const events = [...insightsFixture(), ...preferenceFixture()];
    const store = open(freshTable());
    await store.append(events);
    expect(await store.insights(options)).toEqual(await summarize(events, options));
  });

  it("agree with summarize on a thousand answers of every kind", async () => {
    const events: FeedbackEvent[] = [];
    const reasons = ["hallucination", "format", "refusal"];
    for (let i = 0; i < 1000; i++) {
      const messageId = `answer-${i}`;
      const ts = new Date(Date.parse("2026-11-01T00:00:00.000Z") + i * 3_600_000).toISOString();
      const envelope = { messageId, ts, metadata: { arm: i % 3 === 0 ? "a" : i % 3 === 1 ? "b" : 7 } };
      const kind = i % 6;
      if (kind === 0) events.push(event({ type: "rating", value: "up", previous: null }, envelope));
      if (kind === 1) {
        events.push(event({ type: "rating", value: "down", previous: null }, envelope));
        events.push(
          event(
            {
              type: "rating",
              value: "down",
              previous: "down",
              reasons: [reasons[i % 3] as string],
              ...(i % 4 === 1 ? { comment: `comment ${i}` } : {}),
            },
            envelope,
          ),
        );
      }
      if (kind === 2)
        for (let a = 1; a <= 1 + (i % 5); a++) events.push(event({ type: "regenerate", attempt: a }, envelope));
      if (kind === 3)
        events.push(event({ type: "copy", source: i % 2 ? "code" : "button", chars: 10, fraction: 0.5 }, envelope));
      if (kind === 4) events.push(event({ type: "abandon", dwellMs: (i * 997) % 90_000, cause: "hidden" }, envelope));
      if (kind === 5) events.push(event({ type: "rating", value: null, previous: "up" }, envelope));
      if (i % 7 === 0) {
        const source = i % 2 ? "compare" : "kept";
        const strength = (["clear", "slight", "tie"] as const)[i % 3] as "clear" | "slight" | "tie";
        events.push(event({ type: "preference", rejectedMessageId: `answer-${i + 1}`, source, strength }, envelope));
      }
    }
    const store = open(freshTable());
    await store.append(events);
    for (const options of [{}, { splitBy: "metadata.arm" }, { from: "2026-11-10", to: "2026-11-20" }]) {
      expect(await store.insights(options)).toEqual(await summarize(events, options));
    }
  });

  it("hears, through watch, the events another collector inserts into the same table", async () => {
    const table = freshTable();
    const watching = open(table);
    const other = open(table);
    await watching.open();
    const heard: string[] = [];
    // The watch listens once it resolves: from then on, what the other collector writes is heard.
    const stop = await watching.watch((events) => heard.push(...events.map((e) => e.id)));
    const events = insightsFixture();
    await other.append(events);
    await vi.waitFor(() => expect(heard).toHaveLength(events.length), { timeout: 10_000 });
    await other.append(events);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heard.sort()).toEqual(events.map((e) => e.id).sort());
    stop();
  });

  it("tells only what is stored after it listens, however recent what was there before", async () => {
    const table = freshTable();
    const watching = open(table);
    const other = open(table);
    const before = insightsFixture();
    await other.append(before);
    const heard: string[] = [];
    const stop = await watching.watch((events) => heard.push(...events.map((e) => e.id)));
    const after = [event({ type: "rating", value: "up", previous: null }, { messageId: "after-the-start" })];
    await other.append(after);
    await vi.waitFor(() => expect(heard).toContain(after[0]?.id), { timeout: 10_000 });
    // Two more looks back over the window: the rows there before the watch started are not news.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(heard).toEqual(after.map((e) => e.id));
    stop();
  });

  it("tells a burst of any size in one look, where it told a thousand events a second and fell behind", async () => {
    const table = freshTable();
    const watching = open(table);
    const other = open(table);
    await watching.open();
    // The watch's timer stands still: its next look runs only when the test says.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const heard = new Set<string>();
      const stop = await watching.watch((events) => {
        for (const told of events) heard.add(told.id);
      });
      const burst = Array.from({ length: 5000 }, (_, i) =>
        event({ type: "rating", value: "up", previous: null }, { messageId: `answer-${i}` }),
      );
      await other.append(burst);
      vi.advanceTimersToNextTimer();
      // Waited for in real time (vi.waitFor would move the watch's timer too): that one look pages to the end.
      for (let waited = 0; heard.size < burst.length && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(heard.size).toBe(burst.length);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
