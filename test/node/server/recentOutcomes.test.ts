// The relay's memory of final outcomes: forgets the least recently remembered id first, in constant time.
import { describe, expect, it } from "vitest";
import { RecentOutcomes } from "../../../src/server/recentOutcomes";
import type { Outcome } from "../../../src/sinks/http/outcome";

// What it must answer: a Map in order of remembering, its first key forgotten when one too many.
function reference(capacity: number) {
  const outcomes = new Map<string, Outcome>();
  return {
    get: (id: string) => outcomes.get(id),
    remember(id: string, outcome: Outcome) {
      if (outcome.status === "retry") return;
      outcomes.delete(id);
      outcomes.set(id, outcome);
      if (outcomes.size > capacity) outcomes.delete(outcomes.keys().next().value as string);
    },
  };
}

describe("RecentOutcomes", () => {
  it("answers as an ordered Map does, ids remembered again and retries included", () => {
    for (const capacity of [1, 2, 7, 100]) {
      const recent = new RecentOutcomes(capacity);
      const expected = reference(capacity);
      let state = 1;
      for (let step = 0; step < 50_000; step++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        const id = `id-${state % (capacity * 3 + 5)}`;
        const outcome: Outcome =
          state % 7 === 0
            ? { status: "retry" }
            : state % 3 === 0
              ? { status: "rejected", reason: `reason ${step}` }
              : { status: "accepted" };
        expect(recent.get(id)).toEqual(expected.get(id));
        recent.remember(id, outcome);
        expected.remember(id, outcome);
      }
    }
  });
});
