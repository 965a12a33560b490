import { createSummarizer, summarize } from "../../src/insights/summarize";
import { wilsonInterval } from "../../src/insights/wilson";
import { insightsFixture, preferenceFixture } from "./insightsFixture";

describe("summarize", () => {
  it("counts the fixture as a person counts it by hand", async () => {
    const summary = await summarize(insightsFixture(), { splitBy: "metadata.model" });
    expect(summary.events).toBe(17);
    expect(summary.answers).toBe(9);
    expect(summary.days).toEqual([
      { day: "2026-12-01", up: 2, down: 2, copy: 1, regenerate: 3, edit: 0, abandon: 0 },
      { day: "2026-12-02", up: 1, down: 0, copy: 2, regenerate: 0, edit: 2, abandon: 1 },
    ]);
    // Standing votes: m1 up; m2 and m3 down (m3 switched); m8 withdrawn.
    expect(summary.thumbs.overall).toMatchObject({ group: "all", up: 1, down: 2, share: 0.3333 });
    expect(summary.thumbs.withdrawn).toBe(1);
    expect(summary.thumbs.bySplit.map(({ group, up, down, share }) => ({ group, up, down, share }))).toEqual([
      { group: "model-a", up: 1, down: 1, share: 0.5 },
      { group: "model-b", up: 0, down: 1, share: 0 },
    ]);
    expect(summary.errorModes).toEqual([
      {
        reason: "format",
        count: 1,
        share: 0.5,
        examples: [],
      },
      {
        reason: "hallucination",
        count: 1,
        share: 0.5,
        examples: [expect.objectContaining({ messageId: "m2", comment: "Invented a <b>flag</b>" })],
      },
    ]);
    expect(summary.edits).toMatchObject({ count: 2, acceptedUnchanged: 1, acceptedShare: 0.5, medianWordsChanged: 0 });
    expect(summary.edits.similarity.filter((bin) => bin.count > 0).map((bin) => bin.label)).toEqual(["20–30%", "90%+"]);
    expect(summary.regenerate).toMatchObject({ answers: 1, rate: 0.1111 });
    expect(summary.regenerate.attempts.map((bin) => bin.count)).toEqual([0, 0, 1, 0]);
    expect(summary.abandon).toMatchObject({ count: 1, rate: 0.1111 });
    expect(summary.abandon.dwell.find((bin) => bin.count === 1)?.label).toBe("3–10 s");
    expect(summary.copy).toMatchObject({ count: 3, rate: 0.2222 });
    expect(summary.copy.bySource).toEqual([
      { source: "button", count: 1 },
      { source: "selection", count: 1 },
      { source: "code", count: 1 },
    ]);
    expect(summary.review.map((item) => [item.why, item.messageId])).toEqual([
      ["down-with-comment", "m2"],
      ["heavily-edited", "m6"],
      ["regenerated", "m4"],
    ]);
    expect(summary.review[1]).toMatchObject({ similarity: 0.2, draft: "The old answer", final: "A rewritten answer" });
  });

  it("counts choices between two answers by source and strength, and the ties among them", async () => {
    const summary = await summarize([...insightsFixture(), ...preferenceFixture()]);
    expect(summary.preferences).toEqual({
      count: 4,
      ties: 1,
      bySource: [
        { source: "compare", count: 3, clear: 2, slight: 0, tie: 1 },
        { source: "kept", count: 1, clear: 0, slight: 1, tie: 0 },
      ],
    });
    expect(summary.events).toBe(21);
    const secondDay = await summarize(preferenceFixture(), { from: "2026-12-02" });
    expect(secondDay.preferences.bySource.map((row) => [row.source, row.count])).toEqual([
      ["compare", 1],
      ["kept", 1],
    ]);
    const none = await summarize(insightsFixture());
    expect(none.preferences).toMatchObject({ count: 0, ties: 0 });
  });

  it("counts a preference with a source or strength outside the contract as invalid, not as a choice", async () => {
    const [valid] = preferenceFixture();
    const summary = await summarize([{ ...valid, source: "vote" } as never, { ...valid, strength: "strong" } as never]);
    expect(summary).toMatchObject({ invalid: 2, events: 0, preferences: { count: 0 } });
  });

  it("counts only the days in the range", async () => {
    const summary = await summarize(insightsFixture(), { from: "2026-12-02", to: "2026-12-02" });
    expect(summary.days.map((day) => day.day)).toEqual(["2026-12-02"]);
    expect(summary.events).toBe(7);
    // m8's vote and withdrawal both fall on the second day: no standing vote is left.
    expect(summary.thumbs.overall).toMatchObject({ up: 0, down: 0, share: null, low: null, high: null });
  });

  it("reads an async iterable as it arrives, and updates with each event added later", async () => {
    const events = insightsFixture();
    async function* stream() {
      for (const event of events.slice(0, 10)) yield event;
    }
    const summarizer = createSummarizer();
    for await (const event of stream()) summarizer.add(event);
    expect(summarizer.summary().events).toBe(10);
    for (const event of events.slice(10)) summarizer.add(event);
    expect(summarizer.summary()).toEqual(await summarize(events));
  });

  it("refuses a split field it cannot read, with a sentence", () => {
    expect(() => createSummarizer({ splitBy: "model" })).toThrow(/use "app", "environment" or "metadata.<key>"/);
  });

  it("folds split values past fifty into one row", async () => {
    const events = Array.from({ length: 60 }, (_, i) => ({
      ...insightsFixture()[0],
      messageId: `m${i}`,
      metadata: { arm: `arm-${i}` },
    }));
    const summary = await summarize(events as never, { splitBy: "metadata.arm" });
    expect(summary.thumbs.bySplit).toHaveLength(51);
    expect(summary.thumbs.bySplit.find((row) => row.group === "(other)")?.up).toBe(10);
  });
});

describe("wilsonInterval", () => {
  it("matches the textbook values", () => {
    expect(wilsonInterval(8, 10)).toEqual({ low: 0.490162, high: 0.943318 });
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: 0.277533 });
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
