// A key named like an Object.prototype member ("constructor", "toString") is not a field of the contract: it
// used to be looked up on the prototype and pass as valid.
import { describe, expect, it } from "vitest";
import { validateEvent } from "../../src/events/validate";

const copy = {
  id: "019ca6b1-e01f-7844-9ba9-9258aa24689e",
  v: 1,
  type: "copy",
  ts: "2026-03-01T00:00:01.055Z",
  messageId: "m1",
  feedbackKey: "019ca6b1-e01f-7844-9ba9-9258aa24689e",
  source: "button",
  chars: 10,
  fraction: 1,
};

describe("validateEvent and keys named like prototype members", () => {
  it.each(["constructor", "toString", "hasOwnProperty"])("rejects %s", (key) => {
    expect(validateEvent(copy)).toBeUndefined();
    expect(validateEvent({ ...copy, [key]: null })).toEqual({
      field: key,
      message: `${key} is not a field of this event type`,
    });
  });
});
