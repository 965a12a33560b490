import type { FeedbackEvent } from "../events/types";
import type { FeedbackSink, SendResult } from "../sinks/types";
import { type ContractProblem, readSendResult } from "./classifyResult";

/** What came of one call to a sink's `send`, read defensively. */
export interface SinkAnswer {
  /** The answer as the contract reads it: what the sink did not account for is `retry`. */
  result: SendResult;
  /** What `send` threw or rejected with, if it did. */
  thrown?: unknown;
  /** How the answer broke the contract, if it did. */
  problem?: ContractProblem;
}

/**
 * Calls `sink.send` so that nothing the sink does can escape: a synchronous throw, a rejection, a value that
 * is not a `SendResult` and ids it was never given all come back as a `SinkAnswer`. The call is awaited past
 * `timeoutMs` too (the signal is aborted then): the caller keeps the events claimed until the send settles,
 * so a slow sink never gets an event twice.
 *
 * @example
 * ```ts
 * const { result, thrown, problem } = await callSink(sink, events, { keepalive: false, timeoutMs: 10_000 });
 * ```
 */
export async function callSink(
  sink: FeedbackSink,
  events: readonly FeedbackEvent[],
  call: { keepalive: boolean; timeoutMs?: number },
): Promise<SinkAnswer> {
  const ids = events.map((event) => event.id);
  const controller = new AbortController();
  const timer = call.timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(), call.timeoutMs);
  try {
    const answer: unknown = await sink.send(events, { signal: controller.signal, keepalive: call.keepalive });
    return readSendResult(answer, ids);
  } catch (error) {
    return { result: { accepted: [], retry: ids, rejected: [] }, thrown: error ?? new Error("the sink threw") };
  } finally {
    clearTimeout(timer);
  }
}
