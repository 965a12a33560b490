import {
  errorText,
  formatRetryAfter,
  isPassingStatus,
  outcomeOf,
  outcomeOfStatus,
  parseRetryAfter,
  toSendResult,
  worstOutcome,
} from "../../../src/sinks/http/outcome";

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe("outcomeOfStatus: what an HTTP answer means for delivery", () => {
  it.each([200, 201, 204, 207])("%i is accepted", (status) => {
    expect(outcomeOfStatus(status, headers(), "")).toEqual({ status: "accepted" });
  });

  it.each([408, 429, 500, 502, 503])("%i is retried", (status) => {
    expect(outcomeOfStatus(status, headers(), "").status).toBe("retry");
  });

  it("carries Retry-After in seconds as milliseconds", () => {
    expect(outcomeOfStatus(429, headers({ "retry-after": "12" }), "")).toEqual({
      status: "retry",
      retryAfterMs: 12_000,
      reason: "HTTP 429",
    });
  });

  it("retries an answer that says nothing about storage (below 200), and no answer at all", () => {
    expect(isPassingStatus(0)).toBe(true);
    expect(outcomeOfStatus(0, headers(), "").status).toBe("retry");
    expect(outcomeOf(undefined)).toEqual({ status: "retry", reason: "network error" });
    expect(outcomeOf({ status: 201, headers: headers(), body: "" })).toEqual({ status: "accepted" });
  });

  it("refuses a redirect it could not follow, like any other status outside the passing ones", () => {
    expect(isPassingStatus(302)).toBe(false);
    expect(outcomeOfStatus(302, headers(), "")).toEqual({ status: "rejected", reason: "HTTP 302" });
  });

  it.each([400, 401, 403, 404, 409, 413, 422])("%i is refused with the receiver's words", (status) => {
    expect(outcomeOfStatus(status, headers(), '{"message":"Invalid request data"}')).toEqual({
      status: "rejected",
      reason: `HTTP ${status}: Invalid request data`,
    });
  });
});

describe("Retry-After, one set of rules for every sink and the relay", () => {
  const now = Date.parse("2026-11-24T09:00:00Z");

  it("reads delay-seconds, a fraction tolerated", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });

  it("reads an HTTP date as the time left until it, never negative", () => {
    expect(parseRetryAfter("Tue, 24 Nov 2026 09:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 08:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header, and numbers that are no delay", () => {
    for (const value of [null, undefined, "", "soon", "-5", "1e3", "12abc", "Someday 2026"]) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });

  it("writes whole seconds, rounded up, and reads back at least the wait it was given", () => {
    expect(formatRetryAfter(1500)).toBe("2");
    expect(formatRetryAfter(5000)).toBe("5");
    for (const ms of [1, 999, 1000, 1001, 59_999])
      expect(parseRetryAfter(formatRetryAfter(ms))).toBeGreaterThanOrEqual(ms);
  });
});

describe("errorText", () => {
  it("prefers message, then detail, then error, then the text; and keeps it short", () => {
    expect(errorText('{"detail":"Span not found"}')).toBe("Span not found");
    expect(errorText('{"error":{"code":1}}')).toBe('{"code":1}');
    expect(errorText("plain words")).toBe("plain words");
    expect(errorText("x".repeat(1000))).toHaveLength(301);
  });
});

describe("combining outcomes", () => {
  it("one refusal refuses the event, one retry retries it, with the longest wait", () => {
    expect(worstOutcome([{ status: "accepted" }, { status: "rejected", reason: "no" }]).status).toBe("rejected");
    expect(
      worstOutcome([
        { status: "retry", retryAfterMs: 1000 },
        { status: "accepted" },
        { status: "retry", retryAfterMs: 5000 },
      ]),
    ).toEqual({ status: "retry", retryAfterMs: 5000 });
  });

  it("builds a SendResult by event id", () => {
    const result = toSendResult(
      new Map([
        ["a", { status: "accepted" as const }],
        ["b", { status: "retry" as const, retryAfterMs: 2000, reason: "HTTP 429" }],
        ["c", { status: "rejected" as const, reason: "bad" }],
      ]),
    );
    expect(result).toEqual({
      accepted: ["a"],
      retry: ["b"],
      rejected: [{ id: "c", reason: "bad" }],
      retryAfterMs: 2000,
      reason: "HTTP 429",
    });
  });
});
