import type { TransportContext } from "../sinks/types";
import type { RetryClock } from "./backoff";
import { callSink } from "./callSink";
import { type ContractProblem, classifySendResult, reportsFor } from "./classifyResult";
import type { HeldEvents } from "./heldEvents";
import type { ResolvedDeliveryOptions } from "./options";
import type { QueueStorage } from "./queueStorage";
import type { StoredEvent } from "./queueStore";

/** Sends one batch and applies the answer; resolves true when nothing has to be tried again. */
export type BatchSender = (records: StoredEvent[], keepalive: boolean) => Promise<boolean>;

/**
 * One try of one batch, start to end: calls the sink (nothing it does escapes), sorts the answer, reports what
 * `onError` should hear, backs off on failure, and deletes or writes back each event. A sink that breaks the
 * contract is reported once per kind of breach, not on every try.
 *
 * @example
 * ```ts
 * const sendBatch = batchSender({ getSink, report, options, held, storage, clock, leaseMs, wakeAt });
 * const done = await sendBatch(records, false);
 * ```
 */
export function batchSender(deps: {
  getSink: TransportContext["getSink"];
  report: TransportContext["report"];
  options: ResolvedDeliveryOptions;
  held: HeldEvents;
  storage: QueueStorage;
  clock: RetryClock;
  /** How long a hold lasts past the next allowed try. */
  leaseMs: number;
  /** Asks for the send loop to run again at this time (epoch ms). */
  wakeAt: (at: number) => void;
}): BatchSender {
  const { getSink, report, options, held, storage, clock, leaseMs, wakeAt } = deps;
  const { maxAttempts } = options;
  const reportedProblems = new Set<ContractProblem["kind"]>();

  return async (records, keepalive) => {
    const sink = getSink();
    const ids = records.map((record) => record.id);
    const events = records.map((record) => record.event);
    const timeoutMs = keepalive ? undefined : options.requestTimeoutMs;
    // An id stays claimed until its send settles: while a slow send runs, its hold in the shared queue is
    // renewed, so no other tab takes (and sends again) what is still in flight.
    const renewal = setInterval(() => {
      const leaseUntil = Date.now() + leaseMs;
      const renewed = records.map((record) => ({ ...record, leaseUntil }));
      void storage.run((store) => store.update(renewed)).catch(() => undefined);
    }, leaseMs / 3);
    const answer = await callSink(sink, events, { keepalive, timeoutMs }).finally(() => clearInterval(renewal));
    const { result, thrown, problem } = answer;
    const threw = thrown !== undefined;
    const verdict = classifySendResult(records, result, { threw, keepalive, maxAttempts });
    const newProblem = problem && !reportedProblems.has(problem.kind) ? problem : undefined;
    if (newProblem) reportedProblems.add(newProblem.kind);
    const why = problem?.message ?? (threw ? String(thrown) : (result.reason ?? "the sink asked to retry"));
    const attempt = { why, newProblem, firstFailure: !clock.failing, maxAttempts };
    for (const item of reportsFor(sink.name, ids, verdict, attempt)) {
      report(item.kind, item.message, { eventIds: item.eventIds, cause: thrown });
    }
    for (const id of verdict.untried) held.inFlight.delete(id);
    const failed = verdict.retried.length + verdict.gaveUp.length > 0;
    if (failed) {
      const pausedUntil = clock.failed(result.retryAfterMs);
      for (const record of verdict.retried) {
        record.attempts++;
        record.notBefore = pausedUntil;
        record.leaseUntil = pausedUntil + leaseMs;
        held.inFlight.delete(record.id);
      }
      held.hold(verdict.retried);
      wakeAt(pausedUntil);
    } else if (verdict.done.length > 0) clock.succeeded();
    const removed = [...verdict.done, ...verdict.refused.map((item) => item.id), ...verdict.gaveUp];
    if (removed.length > 0) await storage.run((store) => store.remove(removed)).catch(() => undefined);
    if (verdict.retried.length > 0) await storage.run((store) => store.update(verdict.retried)).catch(() => undefined);
    held.settle(removed);
    return !failed;
  };
}
