/** What decides which of two ratings with the same `feedbackKey` is the later one. */
export interface RatingOrder {
  /** `ts` in epoch milliseconds. */
  time: number;
  /** The event id: a UUID v7, which sorts by creation time within one millisecond. */
  id: string;
}

/** True when `candidate` replaces `current`: a later `ts`, or the same `ts` and a greater id. */
export function isLaterRating(candidate: RatingOrder, current: RatingOrder): boolean {
  return candidate.time > current.time || (candidate.time === current.time && candidate.id > current.id);
}
