import { diffWords, editStats } from "../../src/datasets";
import { editEventInput } from "../../src/server";

// The server entry runs with no DOM and no React: the diff engine is pure and works there.
describe("diffWords from the server entry", () => {
  it("diffs with no DOM around", () => {
    expect(typeof document).toBe("undefined");
    const { diff, stats } = diffWords("Ship it Friday.", "Ship it Monday.");
    expect(diff).toEqual([
      [0, "Ship it "],
      [-1, "Friday"],
      [1, "Monday"],
      [0, "."],
    ]);
    expect(editStats(diff)).toEqual(stats);
  });

  it("builds an edit event's payload, for exporting stored pairs", () => {
    expect(editEventInput("a b", "a c", 1200, "m1")).toMatchObject({
      type: "edit",
      messageId: "m1",
      accepted: false,
      durationMs: 1200,
      stats: { wordsKept: 1, wordsAdded: 1, wordsRemoved: 1 },
    });
  });
});
