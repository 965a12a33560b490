import { readFileSync } from "node:fs";
import path from "node:path";
import type { FeedbackEvent } from "../../../src/events/types";
import { otlpLogRecord, otlpLogsRequest } from "../../../src/sinks/otlpSink";
import { everyKind, REJECTED_SPAN_ID, REJECTED_TRACE_ID } from "../support/events";
import { contractsDir } from "./contractsDir";
import { checkOtlpJson, readProtos } from "./otlpJson";

const dir = path.join(contractsDir(), "otlp");
const protos = readProtos(dir, ["common.proto", "resource.proto", "logs.proto", "logs_service.proto"]);

describe("OTLP/JSON logs against the JSON mapping of logs.proto", () => {
  it("the proto walk accepts the specification's own examples", () => {
    for (const file of ["logs.json", "events.json"]) {
      const example = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
      expect(checkOtlpJson(protos, "ExportLogsServiceRequest", example)).toEqual([]);
    }
  });

  it("the proto walk is real: unknown fields, numbers for 64-bit integers and base64 ids fail", () => {
    const example = JSON.parse(readFileSync(path.join(dir, "logs.json"), "utf8"));
    const record = example.resourceLogs[0].scopeLogs[0].logRecords[0];
    record.timeUnixNano = 1544712660300000000;
    record.spanId = "7uGbfsPBsXQ=";
    record.colour = "red";
    expect(checkOtlpJson(protos, "ExportLogsServiceRequest", example)).toHaveLength(3);
  });

  it("a batch of every event kind is a valid ExportLogsServiceRequest", () => {
    const body = otlpLogsRequest(everyKind(), { "deployment.environment.name": "prod" });
    expect(checkOtlpJson(protos, "ExportLogsServiceRequest", body)).toEqual([]);
  });

  it("each record is a gen_ai.evaluation.result event parented to the rated span, ids in lowercase hex", () => {
    const body = otlpLogsRequest(
      everyKind({ traceId: "4BF92F3577B34DA6A3CE929D0E0E4736", spanId: "00F067AA0BA902B7" }),
    );
    const records = body.resourceLogs.flatMap((resource) => resource.scopeLogs.flatMap((scope) => scope.logRecords));
    for (const record of records) {
      const side = record.attributes.find((attribute) => attribute.key === "feedback.preference.side")?.value;
      const rejected = side && "stringValue" in side && side.stringValue === "rejected";
      expect(record.eventName).toBe("gen_ai.evaluation.result");
      expect(record.traceId).toBe(rejected ? REJECTED_TRACE_ID : "4bf92f3577b34da6a3ce929d0e0e4736");
      expect(record.spanId).toBe(rejected ? REJECTED_SPAN_ID : "00f067aa0ba902b7");
      expect(record.timeUnixNano).toBe("1795510800123000000");
      const keys = record.attributes.map((attribute) => attribute.key);
      expect(keys).toContain("gen_ai.evaluation.name");
      expect(keys.filter((key) => !key.startsWith("gen_ai.")).every((key) => key.startsWith("feedback."))).toBe(true);
    }
  });

  it("otlpLogRecord maps one down-vote: score 0, label, reasons and comment, and no ids it cannot use", () => {
    const down = everyKind({ traceId: "not-hex", spanId: "00F067AA0BA902B7" })[1] as FeedbackEvent;
    const record = otlpLogRecord(down, Date.UTC(2026, 0, 1));
    const attribute = (key: string) => record.attributes.find((item) => item.key === key)?.value;
    expect(record.observedTimeUnixNano).toBe(`${Date.UTC(2026, 0, 1)}000000`);
    expect(attribute("gen_ai.evaluation.score.value")).toEqual({ doubleValue: 0 });
    expect(attribute("gen_ai.evaluation.score.label")).toEqual({ stringValue: "down" });
    expect(attribute("gen_ai.evaluation.explanation")).toEqual({ stringValue: "Made up a URL" });
    expect(attribute("feedback.rating.reasons")).toEqual({
      arrayValue: { values: [{ stringValue: "hallucination" }, { stringValue: "format" }] },
    });
    // A trace id that is not OpenTelemetry's 32-hex stays an attribute, and a span without its trace is dropped.
    expect(record.traceId).toBeUndefined();
    expect(record.spanId).toBeUndefined();
    expect(attribute("feedback.trace_id")).toEqual({ stringValue: "not-hex" });
    const body = { resourceLogs: [{ resource: {}, scopeLogs: [{ scope: { name: "x" }, logRecords: [record] }] }] };
    expect(checkOtlpJson(protos, "ExportLogsServiceRequest", body)).toEqual([]);
  });
});
