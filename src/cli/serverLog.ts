import type { FeedbackError } from "../errors";
import type { FeedbackHandler, RelayResponse } from "../server/createFeedbackHandler";
import { printable } from "./safeText";

/** One line on stderr per thing a collector operator should know about, stamped with the time. */
export type LogLine = (text: string) => void;

export function serverLog(stderr: NodeJS.WritableStream, now: () => Date = () => new Date()): LogLine {
  // Reasons carry field names and messages from requests: shown escaped, and always on one line.
  return (text) => {
    stderr.write(`${now().toISOString()} ${printable(text)}\n`);
  };
}

/** The relay's report of a storage failure or refusal (`onError`), as one log line. */
export function logFeedbackError(log: LogLine, location: string): (error: FeedbackError) => void {
  return (error) => {
    const events = error.eventIds ? `${error.eventIds.length} event(s)` : "events";
    const cause = error.cause instanceof Error ? error.cause.message : error.cause ? String(error.cause) : "";
    if (error.kind === "sink") {
      log(`could not store ${events} in ${location}; answered "retry": ${cause || error.message}`);
    } else {
      log(`${error.message}${cause ? `: ${cause}` : ""}`);
    }
  };
}

/**
 * Wraps the relay so that each request it refuses, whole (4xx) or in part (events rejected by the contract), is
 * one log line: status, method, path, origin and the first reason.
 */
export function logRefusals(handler: FeedbackHandler, log: LogLine): FeedbackHandler {
  return async (request) => {
    const response = await handler(request);
    if (response.status < 400 && response.status !== 207) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as RelayResponse | undefined;
    const groups = body?.rejected ?? [];
    const rejected = groups.reduce((count, group) => count + group.ids.length, 0);
    if (response.status >= 500 || (response.status === 207 && rejected === 0)) return response;
    const from = request.headers.get("origin") ?? "no origin";
    const { pathname } = new URL(request.url);
    const first = groups[0];
    const answered = rejected + (body?.accepted?.length ?? 0) + (body?.retry?.length ?? 0);
    const reason =
      rejected > 0
        ? `${rejected} of ${answered} event(s) rejected, first ${first?.ids[0] || "(no id)"}: ${first?.reason}`
        : (body?.error ?? response.statusText);
    log(`refused ${request.method} ${pathname} from ${from}: ${response.status} ${reason}`);
    return response;
  };
}
