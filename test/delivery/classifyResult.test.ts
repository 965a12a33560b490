import { classifySendResult, readSendResult, reportsFor } from "../../src/delivery/classifyResult";
import type { StoredEvent } from "../../src/delivery/queueStore";
import type { FeedbackEvent } from "../../src/events/types";

const record = (id: string, attempts = 0): StoredEvent => ({
  id,
  event: { id } as unknown as FeedbackEvent,
  bytes: 10,
  attempts,
  notBefore: 0,
  owner: "",
  leaseUntil: 0,
});

describe("readSendResult: a sink's answer, trusting nothing", () => {
  it.each([undefined, null, 42, "ok", {}, { accepted: "a" }, { accepted: [], retry: "b" }])(
    "retries the whole batch when send gives back %j",
    (value) => {
      const { result, problem } = readSendResult(value, ["a", "b"]);
      expect(result).toEqual({ accepted: [], retry: ["a", "b"], rejected: [] });
      expect(problem?.kind).toBe("not-a-result");
    },
  );

  it("ignores ids the batch did not hold and retries the ones left out", () => {
    const { result, problem } = readSendResult({ accepted: ["a", "zzz"], retry: [], rejected: [{ id: 7 }] }, [
      "a",
      "b",
    ]);
    expect(result).toEqual({ accepted: ["a"], retry: ["b"], rejected: [] });
    expect(problem).toEqual({ kind: "unknown-ids", message: "send answered for 2 event id(s) it was never given" });
  });

  it("takes an id named twice at its first word, and keeps a Retry-After and reason", () => {
    const answer = {
      accepted: ["a"],
      retry: ["b"],
      rejected: [{ id: "a", reason: "late" }],
      retryAfterMs: 5,
      reason: "HTTP 503",
    };
    expect(readSendResult(answer, ["a", "b"])).toEqual({
      result: { accepted: ["a"], retry: ["b"], rejected: [], retryAfterMs: 5, reason: "HTTP 503" },
    });
  });
});

describe("classifySendResult: where each event goes next", () => {
  const answer = { accepted: ["done"], retry: ["again", "last"], rejected: [{ id: "bad", reason: "HTTP 400" }] };
  const records = [record("done"), record("again"), record("last", 2), record("bad")];

  it("deletes the accepted and refused, retries the rest, and gives up on the last try", () => {
    expect(classifySendResult(records, answer, { threw: false, keepalive: false, maxAttempts: 3 })).toEqual({
      done: ["done"],
      refused: [{ id: "bad", reason: "HTTP 400" }],
      gaveUp: ["last"],
      retried: [records[1]],
      untried: [],
    });
  });

  it("does not count a page-exit request the browser refused as a try", () => {
    const thrown = readSendResult({ accepted: [] }, ["again", "last"]).result;
    const verdict = classifySendResult([record("again"), record("last", 2)], thrown, {
      threw: true,
      keepalive: true,
      maxAttempts: 3,
    });
    expect(verdict.untried).toEqual(["again", "last"]);
    expect(verdict.gaveUp).toEqual([]);
  });

  it("reports a new contract problem instead of the failure, and a streak's first failure once", () => {
    const verdict = classifySendResult([record("a")], readSendResult(undefined, ["a"]).result, {
      threw: false,
      keepalive: false,
      maxAttempts: 10,
    });
    const problem = { kind: "not-a-result" as const, message: "send returned undefined instead of a SendResult" };
    const base = { why: problem.message, maxAttempts: 10 };
    expect(reportsFor("s", ["a"], verdict, { ...base, newProblem: problem, firstFailure: true })).toEqual([
      {
        kind: "sink",
        message: `s broke the sink contract (${problem.message}); its events stay queued`,
        eventIds: ["a"],
      },
    ]);
    expect(reportsFor("s", ["a"], verdict, { ...base, newProblem: undefined, firstFailure: false })).toEqual([]);
    expect(reportsFor("s", ["a"], verdict, { ...base, newProblem: undefined, firstFailure: true })).toHaveLength(1);
  });
});
