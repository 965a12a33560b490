/** What decides which of two ratings with the same `feedbackKey` is the later one. */
export interface RatingOrder {
  /** ISO-8601 time of the vote. */
  ts: string;
  /** The event id: a UUID v7, which sorts by creation time within one millisecond. */
  id: string;
}

// The form `Date.prototype.toISOString` writes, as the widgets do ("2026-03-01T09:30:00.000Z"): of fixed width
// and in UTC, so two such times compare as text in the order of their instants.
function isIsoUtc(ts: string): boolean {
  return ts.length === 24 && ts.charCodeAt(10) === 84 && ts.charCodeAt(19) === 46 && ts.charCodeAt(23) === 90;
}

/** True when `candidate` replaces `current`: a later `ts`, or the same instant and a greater id. */
export function isLaterRating(candidate: RatingOrder, current: RatingOrder): boolean {
  if (isIsoUtc(candidate.ts) && isIsoUtc(current.ts)) {
    return candidate.ts > current.ts || (candidate.ts === current.ts && candidate.id > current.id);
  }
  // Otherwise parsed, not compared as text: "…:00Z" and "…:00.000Z" or "+02:00" offsets name instants differently.
  const candidateTime = Date.parse(candidate.ts);
  const currentTime = Date.parse(current.ts);
  return candidateTime > currentTime || (candidateTime === currentTime && candidate.id > current.id);
}
