import Ajv from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { generateSchema } from "../../scripts/generate-schema";
import { createFeedbackClient, type FeedbackEvent, memorySink, validateEvent } from "../../src";
import schema from "../../src/events/schema.json";
import { inputsByType, messageScope } from "./fixtures";

const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
addFormats(ajv);
const validateWithSchema = ajv.compile(schema);

async function emitEveryType(): Promise<FeedbackEvent[]> {
  const sink = memorySink();
  const client = createFeedbackClient({
    sink,
    context: { app: "docs-bot", environment: "test", sessionId: "s-1", userId: "u-1" },
  });
  for (const input of Object.values(inputsByType)) client.emit(input, messageScope);
  await client.flush();
  return [...sink.events];
}

describe("the JSON Schema shipped as react-feedback-loop/schema.json", () => {
  it("is what the TypeScript types generate (types and schema cannot drift)", () => {
    expect(generateSchema()).toEqual(schema);
  });

  it("accepts an event of every type built through the public API", async () => {
    const events = await emitEveryType();
    expect(events.map((event) => event.type)).toEqual([
      "rating",
      "copy",
      "regenerate",
      "edit",
      "abandon",
      "preference",
      "custom",
    ]);
    for (const event of events) {
      const valid = validateWithSchema(event);
      expect(validateWithSchema.errors ?? [], `${event.type}: ${ajv.errorsText(validateWithSchema.errors)}`).toEqual(
        [],
      );
      expect(valid).toBe(true);
      expect(validateEvent(event)).toBeUndefined();
    }
  });

  // Each case breaks one rule; both the schema and the kit's own validator must reject it and name the field.
  const invalid: [string, Record<string, unknown>, string][] = [
    ["empty messageId", { messageId: "" }, "messageId"],
    ["missing messageId", { messageId: undefined }, "messageId"],
    ["unknown type", { type: "like" }, "type"],
    ["version 2", { v: 2 }, "v"],
    ["an id that is not UUID v7", { id: "0b9e3d6c-1a2b-4c3d-8e4f-5a6b7c8d9e0f" }, "id"],
    ["a timestamp that is not ISO-8601", { ts: "yesterday" }, "ts"],
    ["a rating outside its set", { value: "meh" }, "value"],
    ["reasons that are not strings", { reasons: [1] }, "reasons.0"],
    ["an unknown field", { colour: "red" }, "colour"],
    ["a prompt message without content", { prompt: [{ role: "user" }] }, "prompt.0.content"],
    ["metadata that is not an object", { metadata: "x" }, "metadata"],
    ["truncated: false", { truncated: false }, "truncated"],
  ];

  it.each(invalid)("rejects %s, naming the field", async (_name, patch, field) => {
    const [rating] = await emitEveryType();
    // A patch value of undefined removes the field.
    const event = JSON.parse(JSON.stringify({ ...rating, ...patch })) as Record<string, unknown>;
    expect(validateWithSchema(event)).toBe(false);
    const named = (validateWithSchema.errors ?? []).map((error) =>
      [
        error.instancePath.slice(1).replaceAll("/", "."),
        error.params.missingProperty ?? error.params.additionalProperty ?? error.params.tag,
      ]
        .filter(Boolean)
        .join("."),
    );
    expect(named.some((path) => path === field || path.endsWith(`.${field}`) || path.startsWith(field))).toBe(true);
    expect(validateEvent(event)?.field).toBe(field);
  });

  it("rejects broken payload fields of every type", async () => {
    const events = await emitEveryType();
    const breaks: Record<string, [string, unknown]> = {
      rating: ["previous", "sideways"],
      copy: ["fraction", 1.5],
      regenerate: ["attempt", 0],
      edit: ["stats", { wordsAdded: -1 }],
      abandon: ["cause", "bored"],
      preference: ["strength", "strong"],
      custom: ["name", ""],
    };
    for (const event of events) {
      const [field, value] = breaks[event.type] as [string, unknown];
      const broken = { ...event, [field]: value };
      expect(validateWithSchema(broken), `${event.type}.${field}`).toBe(false);
      expect(validateEvent(broken)?.field.startsWith(field), `${event.type}.${field}`).toBe(true);
    }
  });

  it("rejects an edit whose diff does not rebuild its draft and final", async () => {
    const edit = (await emitEveryType()).find((event) => event.type === "edit");
    expect(validateEvent({ ...edit, draft: "[redacted]" })?.field).toBe("diff");
    expect(validateEvent({ ...edit, diff: [[0, "The tower opened in 1889."]] })?.field).toBe("diff");
    expect(validateEvent(edit)).toBeUndefined();
  });

  it("agrees with the kit's validator on thousands of mutated events", async () => {
    const events = await emitEveryType();
    const fields = [...new Set(events.flatMap((event) => Object.keys(event))), "extra", "stats", "diff"];
    const values = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.constantFrom("up", "down", "button", "hidden", "", "2024-01-01T00:00:00Z"),
      fc.integer({ min: -2, max: 3 }),
      fc.double({ min: -1, max: 2, noNaN: true }),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }),
      fc.constant([[0, "a"]]),
      fc.constant([{ role: "user", content: "hi" }]),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...events), fc.constantFrom(...fields), values, (event, field, value) => {
        const mutated: Record<string, unknown> = { ...event };
        if (value === undefined) delete mutated[field];
        else mutated[field] = value;
        const schemaValid = validateWithSchema(mutated);
        const problem = validateEvent(mutated);
        // The kit checks two rules more than JSON Schema can: an edit's diff must rebuild its draft and final, and
        // a preference is between two different answers.
        if (schemaValid && problem?.field === "diff" && mutated.type === "edit") return;
        if (schemaValid && problem?.field === "rejectedMessageId" && mutated.messageId === mutated.rejectedMessageId) {
          return;
        }
        expect(problem === undefined).toBe(schemaValid);
      }),
      { numRuns: 3000 },
    );
  });
});
