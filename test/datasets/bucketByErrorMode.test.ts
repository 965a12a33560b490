import { describe, expect, it } from "vitest";
import { bucketByErrorMode } from "../../src/datasets";
import { rating, streamOf } from "./fixtureEvents";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("bucketByErrorMode", () => {
  const events = [
    rating("down", { messageId: "m1", reasons: ["hallucination", "length"], traceId: TRACE, comment: "Wrong city" }),
    rating("down", { messageId: "m2", reasons: ["hallucination"] }),
    rating("down", { messageId: "m3" }),
    rating("up", { messageId: "m4" }),
  ];

  it("counts down-voted answers per reason key, largest first, with example traces", () => {
    const result = bucketByErrorMode(events);
    expect(result).toMatchObject({ negative: 3, unlabeled: 1 });
    expect(result.buckets).toEqual([
      {
        reason: "hallucination",
        count: 2,
        share: 2 / 3,
        examples: [
          { messageId: "m1", traceId: TRACE, spanId: null, comment: "Wrong city" },
          { messageId: "m2", traceId: null, spanId: null, comment: null },
        ],
      },
      {
        reason: "length",
        count: 1,
        share: 1 / 3,
        examples: [{ messageId: "m1", traceId: TRACE, spanId: null, comment: "Wrong city" }],
      },
    ]);
  });

  it("keeps only as many examples as asked", async () => {
    const result = await bucketByErrorMode(streamOf(events), { examples: 1 });
    expect(result.buckets[0]?.examples).toHaveLength(1);
    expect(result.report.events).toBe(4);
  });
});
