import fc from "fast-check";
import { retryDelayMs } from "../../src/delivery/backoff";
import { splitIntoBatches, utf8Length } from "../../src/delivery/batching";
import { overCaps } from "../../src/delivery/queueStore";

describe("retryDelayMs", () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it("doubles with each failure, jittered within the upper half", () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(3, policy, undefined, () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy, undefined, () => 1)).toBe(4000);
  });

  it("never waits longer than the cap, however many failures", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        const delay = retryDelayMs(failures, policy, undefined, () => r);
        return delay >= 0 && delay <= policy.maxMs;
      }),
    );
  });

  it("waits at least what Retry-After asked, even beyond the cap", () => {
    expect(retryDelayMs(1, policy, 5000, () => 0)).toBe(5000);
    expect(retryDelayMs(20, policy, 120_000, () => 1)).toBe(120_000);
  });
});

describe("utf8Length", () => {
  it("matches TextEncoder for any string", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        (text) => utf8Length(text) === new TextEncoder().encode(text).length,
      ),
    );
  });
});

describe("splitIntoBatches", () => {
  const items = (sizes: number[]) => sizes.map((bytes, i) => ({ id: String(i), bytes }));

  it("cuts by count", () => {
    const batches = splitIntoBatches(items(Array(45).fill(10)), { maxCount: 20, maxBytes: 1e9 });
    expect(batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
  });

  it("cuts by bytes, wrapper included, and sends an oversized item alone", () => {
    const batches = splitIntoBatches(items([40, 40, 200, 30]), { maxCount: 100, maxBytes: 100 });
    expect(batches.map((batch) => batch.map((item) => item.id))).toEqual([["0", "1"], ["2"], ["3"]]);
  });

  it("keeps every item, in order, and every multi-item batch within both limits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 100, max: 20_000 }),
        (sizes, maxCount, maxBytes) => {
          const batches = splitIntoBatches(items(sizes), { maxCount, maxBytes });
          const flat = batches.flat().map((item) => item.id);
          if (
            flat.join() !==
            items(sizes)
              .map((item) => item.id)
              .join()
          )
            return false;
          return batches.every(
            (batch) =>
              batch.length <= maxCount &&
              (batch.length === 1 || 13 + batch.reduce((sum, item) => sum + item.bytes, 0) <= maxBytes),
          );
        },
      ),
    );
  });
});

describe("overCaps", () => {
  it("drops the oldest until both caps hold", () => {
    const records = [
      { id: "a", bytes: 50 },
      { id: "b", bytes: 50 },
      { id: "c", bytes: 10 },
      { id: "d", bytes: 10 },
    ];
    expect(overCaps(records, { count: 4, bytes: 120 }, { maxEvents: 3, maxBytes: 1000 })).toEqual(["a"]);
    expect(overCaps(records, { count: 4, bytes: 120 }, { maxEvents: 10, maxBytes: 30 })).toEqual(["a", "b"]);
    expect(overCaps(records, { count: 4, bytes: 120 }, { maxEvents: 10, maxBytes: 1000 })).toEqual([]);
  });
});
