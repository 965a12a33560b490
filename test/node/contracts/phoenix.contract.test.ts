import { readFileSync } from "node:fs";
import path from "node:path";
import { phoenixAnnotation, phoenixAnnotations } from "../../../src/sinks/phoenixSink";
import { everyKind, REJECTED_SPAN_ID } from "../support/events";
import { contractsDir } from "./contractsDir";
import { openApiValidator } from "./openApiValidator";

const openapi = JSON.parse(readFileSync(path.join(contractsDir(), "phoenix/openapi.json"), "utf8"));
const validateSpans = openApiValidator(openapi, "AnnotateSpansRequestBody");
const validateTraces = openApiValidator(openapi, "AnnotateTracesRequestBody");

describe("Phoenix annotations against Phoenix's own OpenAPI request bodies", () => {
  it("span annotations of every event kind validate as one AnnotateSpansRequestBody", () => {
    const data = everyKind().flatMap((item) => phoenixAnnotations(item).records);
    const valid = validateSpans({ data });
    expect(validateSpans.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // A preference annotates its rejected answer's span too.
    expect(new Set(data.map((item) => item.span_id))).toEqual(new Set(["00f067aa0ba902b7", REJECTED_SPAN_ID]));
    expect(data.length).toBeGreaterThan(everyKind().length);
  });

  it("trace annotations (no span known) validate as one AnnotateTracesRequestBody", () => {
    const data = everyKind({ spanId: undefined }).flatMap((item) => phoenixAnnotations(item).records);
    expect(data.every((item) => item.trace_id && !item.span_id)).toBe(true);
    const valid = validateTraces({ data });
    expect(validateTraces.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validators are real: a span annotation without span_id or with another annotator kind fails", () => {
    expect(validateSpans({ data: [{ name: "x", annotator_kind: "HUMAN" }] })).toBe(false);
    expect(validateSpans({ data: [{ name: "x", annotator_kind: "USER", span_id: "00f067aa0ba902b7" }] })).toBe(false);
  });

  it("never uses the reserved name note, and is always a HUMAN annotation", () => {
    for (const item of everyKind().map(phoenixAnnotation)) {
      if (typeof item === "string") throw new Error(item);
      expect(item.name).not.toBe("note");
      expect(item.annotator_kind).toBe("HUMAN");
    }
  });
});
