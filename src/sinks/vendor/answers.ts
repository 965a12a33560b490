import type { FeedbackEvent, JsonValue } from "../../events/types";
import { type Outcome, worstOutcome } from "../http/outcome";
import { envelopeDetails, type FeedbackSignal, type PreferenceSide, preferenceSignal, toSignal } from "./signal";

/**
 * One answer a vendor record is about, with its signal. Most events are about one answer, the message they name;
 * a preference is about two, the chosen and the rejected one, each produced by its own trace, span and run.
 */
export interface SignalAnswer {
  messageId: string;
  traceId: string | undefined;
  spanId: string | undefined;
  runId: string | undefined;
  /** For a preference, which answer this is; absent for one-answer events. */
  side?: PreferenceSide;
  signal: FeedbackSignal;
  /**
   * What the vendor record's id is derived from: the event's `feedbackKey`, and for a preference the answer's
   * message id too. Keyed by the answer, not by the side: when the user changes their choice, each answer's
   * record is overwritten in place (LangSmith cannot move feedback to another run, Langfuse keeps the trace).
   */
  recordKey: string;
  /** The event's envelope fields to keep next to the record, `messageId` being this answer's. */
  details: Record<string, JsonValue>;
}

/** The answers of an event, each with its signal: one, or a preference's two (chosen first). */
export function answerSignals(event: FeedbackEvent): SignalAnswer[] {
  if (event.type !== "preference") {
    return [
      {
        messageId: event.messageId,
        traceId: event.traceId,
        spanId: event.spanId,
        runId: event.runId,
        signal: toSignal(event),
        recordKey: event.feedbackKey,
        details: envelopeDetails(event),
      },
    ];
  }
  const envelope = envelopeDetails(event);
  const chosen = { messageId: event.messageId, traceId: event.traceId, spanId: event.spanId, runId: event.runId };
  const rejected = {
    messageId: event.rejectedMessageId,
    traceId: event.rejectedTraceId,
    spanId: event.rejectedSpanId,
    runId: event.rejectedRunId,
  };
  return (
    [
      ["chosen", chosen],
      ["rejected", rejected],
    ] as const
  ).map(([side, ids]) => ({
    ...ids,
    side,
    signal: preferenceSignal(event, side),
    recordKey: `${event.feedbackKey}:${ids.messageId}`,
    details: { ...envelope, messageId: ids.messageId },
  }));
}

/**
 * The event field an answer's id comes from (`traceId`, or `rejectedTraceId` for a preference's rejected
 * answer), so the sentence that says why a vendor skipped the answer names the field to fill in.
 */
export function answerField(answer: SignalAnswer, field: "traceId" | "spanId" | "runId"): string {
  return answer.side === "rejected" ? `rejected${field[0]?.toUpperCase()}${field.slice(1)}` : field;
}

/** What a vendor makes of one event: a record (or several) per answer it can attach to, and why it skipped the others. */
export interface VendorRecords<Record> {
  records: Record[];
  /** One sentence per answer left out. */
  skipped: string[];
}

/**
 * Maps each answer of an event with `toRecords`, which returns the answer's records or a sentence saying why
 * the vendor cannot have any (no trace, no run).
 */
export function vendorRecords<Record>(
  event: FeedbackEvent,
  toRecords: (answer: SignalAnswer) => Record[] | Record | string,
): VendorRecords<Record> {
  const records: Record[] = [];
  const skipped: string[] = [];
  for (const answer of answerSignals(event)) {
    const made = toRecords(answer);
    if (typeof made === "string") skipped.push(made);
    else if (Array.isArray(made)) records.push(...made);
    else records.push(made);
  }
  return { records, skipped };
}

/**
 * An event's outcome from the answers to its records' requests (`sent`, the worst of them counts). With no record
 * sent, it is refused with the reasons in `skipped`. With an answer left out, it is refused with the reason too,
 * but only once the other answer's records are stored: a retry comes first, or the stored side would be lost
 * with it.
 */
export function eventOutcome(sent: readonly Outcome[], skipped: readonly string[]): Outcome {
  if (sent.length === 0) return { status: "rejected", reason: skipped.join("; ") };
  const worst = worstOutcome(sent);
  if (skipped.length === 0 || worst.status !== "accepted") return worst;
  return { status: "rejected", reason: `sent for one answer only; ${skipped.join("; ")}` };
}
