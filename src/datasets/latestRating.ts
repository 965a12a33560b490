/** What decides which of two ratings with the same `feedbackKey` is the later one. */
export interface RatingOrder {
  /** ISO-8601 time of the vote. */
  ts: string;
  /** The event id: a UUID v7, which sorts by creation time within one millisecond. */
  id: string;
}

/** True when `candidate` replaces `current`: a later `ts`, or the same instant and a greater id. */
export function isLaterRating(candidate: RatingOrder, current: RatingOrder): boolean {
  // Parsed, not compared as text: "…:00Z" and "…:00.000Z" or "+02:00" offsets name instants differently.
  const candidateTime = Date.parse(candidate.ts);
  const currentTime = Date.parse(current.ts);
  return candidateTime > currentTime || (candidateTime === currentTime && candidate.id > current.id);
}
