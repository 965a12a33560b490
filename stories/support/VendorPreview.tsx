import { useId, useState } from "react";
import { createEvent, type EmitInput } from "../../src/events/createEvent";
import { langfuseScores } from "../../src/sinks/langfuseSink";
import { feedbackCreateBody } from "../../src/sinks/langsmithApiSink";
import { otlpLogRecords } from "../../src/sinks/otlpSink";
import { phoenixAnnotations } from "../../src/sinks/phoenixSink";
import { langsmithFeedback } from "../../src/sinks/vendor/langsmithFeedback";

const SAMPLES: Record<string, EmitInput> = {
  "Thumbs up": { type: "rating", value: "up", previous: null },
  "Thumbs down with reasons": {
    type: "rating",
    value: "down",
    previous: "up",
    reasons: ["hallucination"],
    comment: "The link does not exist",
  },
  "Vote withdrawn": { type: "rating", value: null, previous: "down" },
  Copy: { type: "copy", source: "code", chars: 42, fraction: 0.3 },
  Regenerate: { type: "regenerate", attempt: 1 },
  Edit: {
    type: "edit",
    draft: "Paris is in Germany.",
    final: "Paris is in France.",
    diff: [
      [0, "Paris is in "],
      [-1, "Germany."],
      [1, "France."],
    ],
    stats: {
      wordsAdded: 1,
      wordsRemoved: 1,
      wordsKept: 3,
      editRate: 0.5,
      similarity: 0.75,
      charsAdded: 7,
      charsRemoved: 8,
    },
    durationMs: 5200,
    accepted: false,
  },
  Abandon: { type: "abandon", dwellMs: 9000, cause: "hidden" },
  "Custom (number)": { type: "custom", name: "stars", value: 4 },
  Preference: {
    type: "preference",
    rejectedMessageId: "msg-0",
    rejectedTraceId: "0af7651916cd43dd8448eb211c80319c",
    rejectedSpanId: "b7ad6b7169203331",
    rejectedRunId: "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
    strength: "clear",
    source: "compare",
  },
};

const ENVELOPE = {
  messageId: "msg-1",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  runId: "0b7a3c1e-5d2f-4f6a-9b8c-1d2e3f4a5b6c",
  userId: "user-7",
  app: "storybook",
  environment: "Preview",
  ts: "2026-11-24T09:00:00.000Z",
};

const box = {
  font: "12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace",
  background: "#f6f8fa",
  color: "#1f2328",
  border: "1px solid #d1d9e0",
  borderRadius: 8,
  padding: "0.5rem 0.75rem",
  margin: 0,
  maxHeight: 260,
  overflow: "auto",
  whiteSpace: "pre-wrap" as const,
  wordBreak: "break-word" as const,
};

function Request({ vendor, body }: { vendor: string; body: unknown }) {
  return (
    <section aria-label={`${vendor} request`}>
      <h3 style={{ font: "600 13px system-ui, sans-serif", margin: "0 0 0.25rem" }}>{vendor}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read. */}
      <pre tabIndex={0} style={box}>
        {typeof body === "string" ? body : JSON.stringify(body, null, 2)}
      </pre>
    </section>
  );
}

/** Pick an event; see the request each vendor sink would send for it. */
export function VendorPreview() {
  const [sample, setSample] = useState("Thumbs up");
  const name = useId();
  const event = createEvent({ ...(SAMPLES[sample] as EmitInput), messageId: ENVELOPE.messageId }, ENVELOPE);
  const langsmith = langsmithFeedback(event);
  return (
    <div style={{ display: "grid", gap: "1rem", maxWidth: 760, fontFamily: "system-ui, sans-serif" }}>
      <fieldset
        style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", border: "1px solid #d1d9e0", borderRadius: 8 }}
      >
        <legend>Event</legend>
        {Object.keys(SAMPLES).map((label) => (
          <label key={label}>
            <input type="radio" name={name} checked={sample === label} onChange={() => setSample(label)} /> {label}
          </label>
        ))}
      </fieldset>
      <Request vendor="Langfuse" body={langfuseScores(event)} />
      <Request
        vendor="LangSmith"
        body={
          langsmith.records.length > 0 ? langsmith.records.map((item) => feedbackCreateBody(item)) : langsmith.skipped
        }
      />
      <Request vendor="Phoenix" body={phoenixAnnotations(event)} />
      <Request vendor="OpenTelemetry" body={otlpLogRecords(event, Date.parse(ENVELOPE.ts))} />
    </div>
  );
}
