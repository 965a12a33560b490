import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { langfuseScores } from "../../../src/sinks/langfuseSink";
import { event, everyKind } from "../support/events";
import { contractsDir } from "./contractsDir";
import { openApiValidator } from "./openApiValidator";

const openapi = parse(readFileSync(path.join(contractsDir(), "langfuse/openapi.yml"), "utf8"), { maxAliasCount: -1 });
const validateCreateScore = openApiValidator(openapi, "CreateScoreRequest");

describe("Langfuse scores against Langfuse's own CreateScoreRequest schema", () => {
  const scores = everyKind().flatMap(
    (item) => langfuseScores(item) as Exclude<ReturnType<typeof langfuseScores>, string>,
  );

  it("maps every event kind to scores", () => {
    expect(scores.length).toBeGreaterThan(everyKind().length);
  });

  it.each(scores.map((score) => [`${score.name} (${score.dataType})`, score]))("%s validates", (_name, score) => {
    const valid = validateCreateScore(score);
    expect(validateCreateScore.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validator is real: it refuses a score without a name or with a wrong data type", () => {
    expect(validateCreateScore({ value: 1 })).toBe(false);
    expect(validateCreateScore({ name: "x", value: 1, dataType: "THUMBS" })).toBe(false);
  });

  it.each(scores.map((score) => [score.name, score]))(
    "%s keeps the documented rules the schema cannot say",
    (_n, score) => {
      // Exactly one subject; BOOLEAN is 0/1; CATEGORICAL and CORRECTION values are strings; environment charset.
      expect([score.traceId, score.sessionId].filter(Boolean)).toHaveLength(1);
      if (score.dataType === "BOOLEAN") expect([0, 1]).toContain(score.value);
      if (score.dataType === "NUMERIC") expect(typeof score.value).toBe("number");
      if (score.dataType === "CATEGORICAL" || score.dataType === "CORRECTION")
        expect(typeof score.value).toBe("string");
      expect(score.environment).toMatch(/^(?!langfuse)[a-z0-9_-]+$/);
    },
  );

  it("a session-only event becomes a session score that also validates", () => {
    const scores = langfuseScores(event({ type: "rating", value: "up", previous: null }, { traceId: undefined }));
    const score = typeof scores === "string" ? scores : scores[0];
    expect(score).toMatchObject({ sessionId: "session-1" });
    expect(score).not.toHaveProperty("traceId");
    expect(validateCreateScore(score)).toBe(true);
  });
});
