import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createFeedbackClient, memorySink, validateEvent } from "../../src";
import { createEvent } from "../../src/events/createEvent";
import { MAX_TEXT_BYTES } from "../../src/events/limits";
import schema from "../../src/events/schema.json";

const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
addFormats(ajv);
const validateWithSchema = ajv.compile(schema);

const rating = (patch: Record<string, unknown>) => ({
  ...createEvent({ type: "rating", value: "down", previous: null }, { messageId: "m-1" }),
  ...patch,
});

describe("the contract's limits, enforced by validateEvent (browser and relay alike)", () => {
  it("refuses a text field over 32 KiB of UTF-8, and takes one at the limit", () => {
    expect(validateEvent(rating({ comment: "x".repeat(MAX_TEXT_BYTES) }))).toBeUndefined();
    expect(validateEvent(rating({ comment: "x".repeat(MAX_TEXT_BYTES + 1) }))).toEqual({
      field: "comment",
      message: "comment must be at most 32 KiB of UTF-8",
    });
    // 11,000 three-byte characters: few code units, too many bytes.
    expect(validateEvent(rating({ content: "中".repeat(11_000) }))?.field).toBe("content");
    // Four-byte characters count four bytes, not two times three.
    expect(validateEvent(rating({ content: "😀".repeat(MAX_TEXT_BYTES / 4) }))).toBeUndefined();
    expect(validateEvent(rating({ content: `${"😀".repeat(MAX_TEXT_BYTES / 4)}x` }))?.field).toBe("content");
  });

  it("bounds the strings inside prompts, metadata and custom values too", () => {
    const long = "y".repeat(MAX_TEXT_BYTES + 1);
    expect(validateEvent(rating({ prompt: [{ role: "user", content: long }] }))?.field).toBe("prompt.0.content");
    expect(validateEvent(rating({ metadata: { note: long } }))?.field).toBe("metadata.note");
    expect(validateEvent(rating({ userId: long }))?.field).toBe("userId");
  });

  it("refuses a 900 KB comment and 50,000 reasons, as a stranger might send them", () => {
    expect(validateEvent(rating({ comment: "z".repeat(900_000) }))?.field).toBe("comment");
    const many = Array.from({ length: 50_000 }, (_, i) => `r${i}`);
    expect(validateEvent(rating({ reasons: many }))).toEqual({
      field: "reasons",
      message: "reasons must hold at most 32 strings",
    });
  });

  it("takes 32 reasons of 64 characters, and not one more of either; the schema agrees", () => {
    const reasons = Array.from({ length: 32 }, (_, i) => `${i}`.padEnd(64, "k"));
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ reasons }, undefined],
      [{ reasons: [...reasons, "one-more"] }, "reasons"],
      [{ reasons: ["k".repeat(65)] }, "reasons.0"],
      // Characters, not UTF-16 units: 64 emoji are 64 characters.
      [{ reasons: ["😀".repeat(64)] }, undefined],
    ];
    for (const [patch, field] of cases) {
      const event = rating(patch);
      expect(validateEvent(event)?.field).toBe(field);
      expect(validateWithSchema(event)).toBe(field === undefined);
    }
  });

  it("keeps the browser from sending what the relay would refuse: too many reasons are reported, not sent", async () => {
    const sink = memorySink();
    const errors: string[] = [];
    const client = createFeedbackClient({ sink, onError: (error) => errors.push(error.message) });
    const reasons = Array.from({ length: 33 }, (_, i) => `mode-${i}`);
    expect(client.emit({ type: "rating", value: "down", previous: null, reasons }, { messageId: "m-1" })).toBeNull();
    // A long comment is cut to the limit and marked truncated, then passes.
    const long = client.emit(
      { type: "rating", value: "down", previous: null, comment: "c".repeat(MAX_TEXT_BYTES * 2) },
      { messageId: "m-1" },
    );
    await client.flush();
    expect(errors.join("\n")).toContain("reasons must hold at most 32 strings");
    expect(long?.truncated).toBe(true);
    expect(sink.events).toHaveLength(1);
  });
});
