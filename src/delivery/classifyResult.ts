import type { SendResult } from "../sinks/types";
import type { StoredEvent } from "./queueStore";

/** A way a sink broke the `SendResult` contract; each is reported once, and the batch is tried again. */
export interface ContractProblem {
  kind: "not-a-result" | "unknown-ids";
  message: string;
}

/**
 * Reads what a sink's `send` gave back, trusting nothing: anything but a `SendResult` retries the whole batch,
 * ids the batch did not hold are ignored, and ids it leaves out are retried. Says what was wrong, if anything.
 *
 * @example
 * ```ts
 * readSendResult(undefined, ["a"]); // { result: { accepted: [], retry: ["a"], rejected: [] }, problem: {...} }
 * ```
 */
export function readSendResult(
  value: unknown,
  ids: readonly string[],
): { result: SendResult; problem?: ContractProblem } {
  const result: SendResult = { accepted: [], retry: [], rejected: [] };
  const answer = value as Partial<SendResult> | null | undefined;
  if (
    typeof answer !== "object" ||
    answer === null ||
    !Array.isArray(answer.accepted) ||
    (answer.retry !== undefined && !Array.isArray(answer.retry)) ||
    (answer.rejected !== undefined && !Array.isArray(answer.rejected))
  ) {
    result.retry = [...ids];
    const shown =
      answer === null ? "null" : typeof answer === "object" ? "an object without `accepted`" : typeof answer;
    return { result, problem: { kind: "not-a-result", message: `send returned ${shown} instead of a SendResult` } };
  }
  const inBatch = new Set(ids);
  const named = new Set<string>();
  let unknown = 0;
  const take = (id: unknown): id is string => {
    if (typeof id !== "string" || !inBatch.has(id)) {
      unknown++;
      return false;
    }
    if (named.has(id)) return false;
    named.add(id);
    return true;
  };
  for (const id of answer.accepted) if (take(id)) result.accepted.push(id);
  for (const item of answer.rejected ?? []) {
    const id = (item as Partial<typeof item> | null)?.id;
    if (take(id)) result.rejected.push({ id, reason: String(item.reason ?? "refused") });
  }
  for (const id of ids) if (!named.has(id)) result.retry.push(id);
  if (typeof answer.retryAfterMs === "number" && answer.retryAfterMs >= 0) result.retryAfterMs = answer.retryAfterMs;
  if (typeof answer.reason === "string") result.reason = answer.reason;
  if (unknown === 0) return { result };
  return {
    result,
    problem: { kind: "unknown-ids", message: `send answered for ${unknown} event id(s) it was never given` },
  };
}

/** Where each event of a sent batch goes next. */
export interface Classified {
  /** Accepted: deleted from the queue. */
  done: string[];
  /** Refused for good: deleted and reported. */
  refused: { id: string; reason: string }[];
  /** Out of tries: deleted and reported. */
  gaveUp: string[];
  /** To be tried again after the backoff. */
  retried: StoredEvent[];
  /** Not tried at all (the browser refused a page-exit request): they stay stored as they were. */
  untried: string[];
}

/**
 * Sorts a batch by a sink's answer. Pure: the queue applies the verdict (deletes, writes back, reports).
 * `threw` says the send threw; a page-exit (`keepalive`) send that threw was
 * refused by the browser, not by the receiver, so it does not count as a try.
 */
export function classifySendResult(
  records: readonly StoredEvent[],
  result: SendResult,
  attempt: { threw: boolean; keepalive: boolean; maxAttempts: number },
): Classified {
  const accepted = new Set(result.accepted);
  const rejected = new Map(result.rejected.map((item) => [item.id, item.reason]));
  const verdict: Classified = { done: [], refused: [], gaveUp: [], retried: [], untried: [] };
  for (const record of records) {
    const reason = rejected.get(record.id);
    if (accepted.has(record.id)) verdict.done.push(record.id);
    else if (reason !== undefined) verdict.refused.push({ id: record.id, reason });
    else if (attempt.keepalive && attempt.threw) verdict.untried.push(record.id);
    else if (record.attempts + 1 >= attempt.maxAttempts) verdict.gaveUp.push(record.id);
    else verdict.retried.push(record);
  }
  return verdict;
}

/** One report a sent batch calls for. */
export interface DeliveryReport {
  kind: "sink" | "rejected" | "gave-up";
  message: string;
  eventIds: string[];
}

/**
 * What `onError` hears about one sent batch: a contract problem not reported before, refusals, events out of
 * tries, and the first failure of a streak (later ones would only repeat it).
 */
export function reportsFor(
  sinkName: string,
  ids: readonly string[],
  verdict: Classified,
  attempt: { why: string; newProblem: ContractProblem | undefined; firstFailure: boolean; maxAttempts: number },
): DeliveryReport[] {
  const reports: DeliveryReport[] = [];
  const { why, newProblem } = attempt;
  if (newProblem) {
    const message = `${sinkName} broke the sink contract (${newProblem.message}); its events stay queued`;
    reports.push({ kind: "sink", message, eventIds: [...ids] });
  }
  const [firstRefusal] = verdict.refused;
  if (firstRefusal) {
    const message = `${sinkName} refused ${verdict.refused.length} event(s) for good: ${firstRefusal.reason}`;
    reports.push({ kind: "rejected", message, eventIds: verdict.refused.map((item) => item.id) });
  }
  if (verdict.gaveUp.length > 0) {
    const message = `gave up on ${verdict.gaveUp.length} event(s) after ${attempt.maxAttempts} tries: ${why}`;
    reports.push({ kind: "gave-up", message, eventIds: verdict.gaveUp });
  }
  const failed = [...verdict.retried.map((record) => record.id), ...verdict.gaveUp];
  if (failed.length > 0 && attempt.firstFailure && !newProblem) {
    const message = `${sinkName} could not take ${failed.length} event(s) (${why}); retrying`;
    reports.push({ kind: "sink", message, eventIds: failed });
  }
  return reports;
}
