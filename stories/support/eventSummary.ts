import type { FeedbackEvent } from "../../src";

/** `14:03:07.251`: the event's own clock time, to the millisecond, so a burst of events keeps its order. */
export function eventTime(event: FeedbackEvent): string {
  const date = new Date(event.ts);
  if (Number.isNaN(date.getTime())) return event.ts;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function quoted(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/**
 * The fields that matter for an event of this type, in a few words: what a reader of the log scans for. The
 * full event (content, prompt, ids) is one click away in the expanded JSON.
 */
export function eventFields(event: FeedbackEvent): string[] {
  switch (event.type) {
    case "rating": {
      const fields = [`value ${event.value ?? "cleared"}`];
      if (event.previous !== null) fields.push(`was ${event.previous}`);
      if (event.reasons?.length) fields.push(`reasons ${event.reasons.join(", ")}`);
      if (event.comment) fields.push(`comment ${quoted(event.comment)}`);
      return fields;
    }
    case "copy":
      return [`source ${event.source}`, `${event.chars} chars`, `${Math.round(event.fraction * 100)}% of the answer`];
    case "regenerate":
      return [`attempt ${event.attempt}`];
    case "edit":
      return [
        event.accepted ? "accepted as drafted" : `+${event.stats.wordsAdded} / −${event.stats.wordsRemoved} words`,
        `final ${quoted(event.final)}`,
      ];
    case "abandon":
      return [`cause ${event.cause}`, `after ${(event.dwellMs / 1000).toFixed(1)} s`];
    case "preference":
      return [`${event.source}, ${event.strength}`, `over ${event.rejectedMessageId}`];
    case "custom":
      return [`name ${event.name}`, ...(event.value === undefined ? [] : [`value ${JSON.stringify(event.value)}`])];
  }
}
