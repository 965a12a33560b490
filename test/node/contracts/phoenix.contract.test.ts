import { readFileSync } from "node:fs";
import path from "node:path";
import { phoenixAnnotation } from "../../../src/sinks/phoenixSink";
import { everyKind } from "../support/events";
import { contractsDir } from "./contractsDir";
import { openApiValidator } from "./openApiValidator";

const openapi = JSON.parse(readFileSync(path.join(contractsDir(), "phoenix/openapi.json"), "utf8"));
const validateSpans = openApiValidator(openapi, "AnnotateSpansRequestBody");
const validateTraces = openApiValidator(openapi, "AnnotateTracesRequestBody");

describe("Phoenix annotations against Phoenix's own OpenAPI request bodies", () => {
  it("span annotations of every event kind validate as one AnnotateSpansRequestBody", () => {
    const data = everyKind().map(phoenixAnnotation);
    const valid = validateSpans({ data });
    expect(validateSpans.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(data.every((item) => typeof item !== "string" && item.span_id === "00f067aa0ba902b7")).toBe(true);
  });

  it("trace annotations (no span known) validate as one AnnotateTracesRequestBody", () => {
    const data = everyKind({ spanId: undefined }).map(phoenixAnnotation);
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
